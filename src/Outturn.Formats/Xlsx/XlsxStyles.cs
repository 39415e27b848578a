using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Outturn.Formats.Xlsx;

/// <summary>The look of a cell: number format, font and fill. Equal looks share one style index.</summary>
/// <param name="NumberFormat">An Excel format code, or null for General.</param>
/// <param name="Bold">Bold text.</param>
/// <param name="FontColour">RGB hex of the text, or null for black.</param>
/// <param name="Fill">RGB hex of the background, or null for none.</param>
/// <param name="Centre">Centre the text horizontally.</param>
/// <param name="Wrap">Wrap long text.</param>
public sealed record CellLook(string? NumberFormat = null, bool Bold = false, string? FontColour = null, string? Fill = null, bool Centre = false, bool Wrap = false);

/// <summary>Collects the looks a sheet uses and builds the workbook's stylesheet from them.</summary>
public sealed class XlsxStyles
{
    private readonly List<CellLook> _looks = [new CellLook()];

    /// <summary>The style index for a look, adding it on first use.</summary>
    public uint IndexOf(CellLook look)
    {
        var i = _looks.IndexOf(look);
        if (i < 0)
        {
            _looks.Add(look);
            i = _looks.Count - 1;
        }

        return (uint)i;
    }

    /// <summary>The stylesheet: thin borders on every styled cell, fonts, fills and number formats as used.</summary>
    public Stylesheet Build()
    {
        var formats = _looks.Select(l => l.NumberFormat).OfType<string>().Distinct().ToList();
        var fonts = _looks.Select(l => (l.Bold, l.FontColour)).Distinct().ToList();
        if (!fonts.Contains((false, null)))
        {
            fonts.Insert(0, (false, null));
        }

        var fills = _looks.Select(l => l.Fill).OfType<string>().Distinct().ToList();

        var numberingFormats = new NumberingFormats(formats.Select((f, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = f }));
        numberingFormats.Count = (uint)formats.Count;
        var fontElements = new Fonts(fonts.Select(f =>
        {
            var font = new Font();
            if (f.Bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = 10 });
            if (f.FontColour is { } c)
            {
                font.Append(new Color { Rgb = HexBinaryValue.FromString("FF" + c) });
            }

            font.Append(new FontName { Val = "Arial" });
            return font;
        }));
        var fillElements = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        foreach (var f in fills)
        {
            fillElements.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = HexBinaryValue.FromString("FF" + f) }) { PatternType = PatternValues.Solid }));
        }

        var thin = new Border(
            new LeftBorder(new Color { Rgb = "FFB1B4B6" }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Rgb = "FFB1B4B6" }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Rgb = "FFB1B4B6" }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Rgb = "FFB1B4B6" }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);

        var cellFormats = new CellFormats(_looks.Select((l, i) =>
        {
            var format = new CellFormat
            {
                NumberFormatId = l.NumberFormat is { } nf ? (uint)(164 + formats.IndexOf(nf)) : 0u,
                FontId = (uint)fonts.IndexOf((l.Bold, l.FontColour)),
                FillId = l.Fill is { } fill ? (uint)(2 + fills.IndexOf(fill)) : 0u,
                BorderId = i == 0 ? 0u : 1u,
                ApplyNumberFormat = l.NumberFormat is not null,
                ApplyFont = true,
                ApplyFill = l.Fill is not null,
                ApplyBorder = i != 0,
            };
            if (l.Centre || l.Wrap)
            {
                format.Append(new Alignment
                {
                    Horizontal = l.Centre ? HorizontalAlignmentValues.Center : null,
                    Vertical = VerticalAlignmentValues.Center,
                    WrapText = l.Wrap ? true : null,
                });
                format.ApplyAlignment = true;
            }

            return format;
        }));
        return new Stylesheet(numberingFormats, fontElements, fillElements, borders, cellFormats);
    }
}
