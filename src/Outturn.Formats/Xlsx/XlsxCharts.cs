using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Outturn.Formats.Xlsx;

/// <summary>
/// Native DrawingML line charts over a sheet's cells (ECMA-376 part 1, 21.2), so Excel and LibreOffice draw them
/// from the figures in the workbook: no picture, no package beyond DocumentFormat.OpenXml.
/// </summary>
internal static class XlsxCharts
{
    /// <summary>The drawing of a sheet's charts, each in a chart part of its own with a fixed relationship ID.</summary>
    /// <remarks>The months are labelled every third, as the SVG charts are, so that no label is turned on its side or runs into another.</remarks>
    public static Xdr.WorksheetDrawing Drawing(DrawingsPart drawings, IReadOnlyList<LineChartSpec> charts, string sheet)
    {
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        for (var n = 0; n < charts.Count; n++)
        {
            var spec = charts[n];
            var id = $"rIdChart{n + 1}";
            var part = drawings.AddNewPart<ChartPart>(id);
            part.ChartSpace = Space(spec, sheet);
            drawing.Append(new Xdr.TwoCellAnchor(
                Marker<Xdr.FromMarker>(spec.From),
                Marker<Xdr.ToMarker>(spec.To),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(
                        new Xdr.NonVisualDrawingProperties { Id = (uint)(n + 2), Name = spec.Title.Length > 60 ? spec.Title[..60] : spec.Title },
                        new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = id }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
                { Macro = "" },
                new Xdr.ClientData()));
        }

        return drawing;
    }

    private static T Marker<T>((int Row, int Column) cell)
        where T : OpenXmlCompositeElement, new()
    {
        var marker = new T();
        marker.Append(
            new Xdr.ColumnId((cell.Column - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId((cell.Row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0"));
        return marker;
    }

    private static string Absolute(string sheet, string range) =>
        $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!" + string.Join(':', range.Split(':').Select(r =>
        {
            var letters = new string([.. r.TakeWhile(char.IsLetter)]);
            return "$" + letters + "$" + r[letters.Length..];
        }));

    private static C.ChartSpace Space(LineChartSpec spec, string sheet)
    {
        var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var i = 0; i < spec.Lines.Count; i++)
        {
            var l = spec.Lines[i];
            var outline = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = l.Colour })) { Width = l.Dashed ? 15875 : 22225 };
            if (l.Dashed)
            {
                outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
            }

            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(new C.NumericValue(l.Name)),
                new C.ChartShapeProperties(outline),
                new C.Marker(new C.Symbol { Val = l.Dashed ? C.MarkerStyleValues.None : C.MarkerStyleValues.Circle }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula(Absolute(sheet, spec.Categories)))),
                new C.Values(new C.NumberReference(new C.Formula(Absolute(sheet, l.Values)))),
                new C.Smooth { Val = false }));
        }

        line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        var plot = new C.PlotArea(
            new C.Layout(),
            line,
            new C.CategoryAxis(
                new C.AxisId { Val = 1 },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
                new C.TextProperties(
                    new A.BodyProperties { Rotation = 0, Vertical = A.TextVerticalValues.Horizontal },
                    new A.ListStyle(),
                    new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 800 }), new A.EndParagraphRunProperties { Language = "en-GB" })),
                new C.CrossingAxis { Val = 2 },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
                new C.LabelOffset { Val = 100 },
                new C.TickLabelSkip { Val = 3 },
                new C.TickMarkSkip { Val = 1 },
                new C.NoMultiLevelLabels { Val = false }),
            new C.ValueAxis(
                new C.AxisId { Val = 2 },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left },
                new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = spec.NumberFormat, SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = 1 },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        var title = new C.Title(
            new C.ChartText(new C.RichText(
                new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { Language = "en-GB", FontSize = 1000, Bold = true }, new A.Text(spec.Title))))),
            new C.Overlay { Val = false });
        var chart = new C.Chart(
            title,
            new C.AutoTitleDeleted { Val = false },
            plot,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        var space = new C.ChartSpace(new C.EditingLanguage { Val = "en-GB" }, new C.RoundedCorners { Val = false }, chart);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }
}
