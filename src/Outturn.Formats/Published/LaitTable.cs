using System.Globalization;
using Outturn.Domain.Benchmarking;
using Outturn.Domain.Periods;
using Parquet;
using Parquet.Schema;

namespace Outturn.Formats.Published;

/// <summary>One LAIT measure's figures: every year's, with the label LAIT gave the year.</summary>
/// <param name="Measure">The measure, as the dictionary describes it.</param>
/// <param name="Years">England, the regions and the authorities, by financial year.</param>
/// <param name="Labels">LAIT's label of each year (<c>2025</c>, <c>2024-25</c>, <c>2025 (Rev)</c>).</param>
public sealed record LaitFigures(LaitMeasure Measure, IReadOnlyDictionary<FinancialYear, YearFigures> Years, IReadOnlyDictionary<FinancialYear, string> Labels);

/// <summary>What reading LAIT's table gave: each measure's figures, and the rows whose year could not be placed.</summary>
/// <param name="Measures">Each measure read, by short name.</param>
/// <param name="NotRead">Rows left out because their year label names no year (each label once, with its count).</param>
public sealed record LaitRead(IReadOnlyDictionary<string, LaitFigures> Measures, IReadOnlyList<InputError> NotRead);

/// <summary>
/// Reads LAIT's long table (<c>bds_long_0.parquet</c>): one row per measure, year and area, with columns
/// <c>Short Desc, Data item, Years, LA and Regions, Values, LA Number, Region</c>.
/// </summary>
/// <remarks>
/// Values are text: a number (written as R writes a double, so <c>9.3699999999999992</c> is read as the 9.37 it
/// stands for) or <c>-</c>, LAIT's one marker, which stays a marker. Area 970 is England, 980 to 990 the regions and
/// Inner and Outer London (given their ONS codes, so that authorities find their region as in the EES files), any other
/// three-digit number an authority. Only the row groups holding a wanted measure are decoded past their first column.
/// Problems are listed all at once, by file, row (the table's 1-based row) and column; a row whose year label names no
/// year (<c>0</c>) is left out and listed.
/// </remarks>
public static class LaitTable
{
    /// <summary>The table's file name as LAIT ships it.</summary>
    public const string FileName = "bds_long_0.parquet";

    /// <summary>The pattern a newer table dropped in beside it is found by.</summary>
    public const string FilePattern = "bds_long_*.parquet";

    /// <summary>The columns read.</summary>
    public static readonly string[] Columns = ["Short Desc", "Years", "LA and Regions", "Values", "LA Number", "Region"];

    /// <summary>The LAIT area number of England.</summary>
    public const string EnglandNumber = "970";

    /// <summary>LAIT's region numbers, with the ONS code and the name the EES files give each.</summary>
    public static readonly IReadOnlyDictionary<string, (string Code, string Name)> Regions = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["980"] = ("E12000001", "North East"),
        ["981"] = ("E12000002", "North West"),
        ["982"] = ("E12000003", "Yorkshire and The Humber"),
        ["983"] = ("E12000004", "East Midlands"),
        ["984"] = ("E12000005", "West Midlands"),
        ["985"] = ("E12000006", "East of England"),
        ["986"] = ("E12000007", "London"),
        ["987"] = ("E13000001", "Inner London"),
        ["988"] = ("E13000002", "Outer London"),
        ["989"] = ("E12000008", "South East"),
        ["990"] = ("E12000009", "South West"),
    };

    private static readonly Dictionary<string, (string Code, string Name)> RegionByName =
        Regions.Values.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the measures <paramref name="wanted"/> names by short name (every measure when null).</summary>
    /// <exception cref="InputException">The file is missing, is not a Parquet table with LAIT's columns, or holds errors; all are listed.</exception>
    public static LaitRead Read(string path, LaitDictionary dictionary, IReadOnlySet<string>? wanted = null) =>
        ReadAsync(path, dictionary, wanted).GetAwaiter().GetResult();

    /// <inheritdoc cref="Read"/>
    public static async Task<LaitRead> ReadAsync(string path, LaitDictionary dictionary, IReadOnlySet<string>? wanted = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new InputException(new InputError(path, null, null, $"the file cannot be read: {e.Message}"));
        }

        return await ReadAsync(bytes, Path.GetFileName(path), dictionary, wanted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the measures <paramref name="wanted"/> names from a table held in memory (a store's copy), named <paramref name="file"/> in errors.</summary>
    /// <exception cref="InputException">The content is not a Parquet table with LAIT's columns, or holds errors; all are listed.</exception>
    public static LaitRead Read(byte[] content, string file, LaitDictionary dictionary, IReadOnlySet<string>? wanted = null) =>
        ReadAsync(content, file, dictionary, wanted).GetAwaiter().GetResult();

    /// <inheritdoc cref="Read(byte[], string, LaitDictionary, IReadOnlySet{string})"/>
    public static async Task<LaitRead> ReadAsync(byte[] content, string file, LaitDictionary dictionary, IReadOnlySet<string>? wanted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentNullException.ThrowIfNull(dictionary);

        var errors = new List<InputError>();
        var notRead = new Dictionary<(string Measure, string Label), (int Row, int Count)>();
        var builders = new Dictionary<string, MeasureBuilder>(StringComparer.Ordinal);

        // The table repeats a few hundred areas and some tens of thousands of values: each is read once.
        var valueCache = new Dictionary<string, PublishedValue>(StringComparer.Ordinal);
        var areaCache = new Dictionary<(string?, string?, string?), AreaRow>();
        try
        {
            await using var reader = await ParquetReader.CreateAsync(new MemoryStream(content, writable: false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var fields = new Dictionary<string, DataField>(StringComparer.Ordinal);
            foreach (var name in Columns)
            {
                if (reader.Schema.DataFields.FirstOrDefault(f => f.Name == name) is { } field)
                {
                    fields[name] = field;
                }
                else
                {
                    errors.Add(new InputError(file, null, name, $"the column is missing; LAIT's table has {string.Join(", ", Columns)}."));
                }
            }

            if (errors.Count > 0)
            {
                throw new InputException(errors);
            }

            var start = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var count = checked((int)group.RowCount);
                var shortNames = await Strings(group, fields["Short Desc"], count, cancellationToken).ConfigureAwait(false);
                if (wanted is not null && !shortNames.Any(s => s is not null && wanted.Contains(s)))
                {
                    start += count;
                    continue;
                }

                var years = await Strings(group, fields["Years"], count, cancellationToken).ConfigureAwait(false);
                var areas = await Strings(group, fields["LA and Regions"], count, cancellationToken).ConfigureAwait(false);
                var values = await Strings(group, fields["Values"], count, cancellationToken).ConfigureAwait(false);
                var numbers = await AreaNumbers(group, fields["LA Number"], count, cancellationToken).ConfigureAwait(false);
                var regions = await Strings(group, fields["Region"], count, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < count; i++)
                {
                    var shortName = shortNames[i];
                    if (wanted is not null && (shortName is null || !wanted.Contains(shortName)))
                    {
                        continue;
                    }

                    var row = start + i + 1;
                    if (shortName is null || dictionary.Find(shortName) is not { } measure)
                    {
                        errors.Add(new InputError(file, row, "Short Desc", $"'{shortName}' is not a measure of the data dictionary ({LaitDictionary.FileName})."));
                        continue;
                    }

                    if (!builders.TryGetValue(shortName, out var builder))
                    {
                        builders[shortName] = builder = new MeasureBuilder(measure);
                    }

                    var label = years[i] ?? "";
                    if (builder.YearOf(label) is not { } year)
                    {
                        var key = (shortName, label);
                        notRead[key] = notRead.TryGetValue(key, out var seen) ? (seen.Row, seen.Count + 1) : (row, 1);
                        continue;
                    }

                    if (!TryCachedValue(values[i], valueCache, out var value))
                    {
                        errors.Add(new InputError(file, row, "Values", $"'{values[i]}' is neither a number nor LAIT's marker '-' ({shortName}, {label}, {areas[i]})."));
                        continue;
                    }

                    builder.Add(file, row, year, label, Area(numbers[i], areas[i], regions[i], areaCache), value, errors);
                }

                start += count;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            throw new InputException(new InputError(file, null, null, $"the file cannot be read as LAIT's Parquet table: {e.Message}"));
        }

        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return new LaitRead(
            builders.ToDictionary(b => b.Key, b => b.Value.Build(), StringComparer.Ordinal),
            [.. notRead.OrderBy(n => n.Value.Row).Select(n => new InputError(file, n.Value.Row, "Years",
                $"'{n.Key.Label}' names no year; {n.Value.Count} row(s) of {n.Key.Measure} with it are not read.") { Outcome = Outcome.NotRead })]);
    }

    /// <summary>
    /// A value cell: <c>-</c> is LAIT's marker; a number is read as the shortest decimal that stands for the same
    /// double (<c>311.10000000000002</c> is 311.1), since LAIT writes its doubles with R's 17 digits.
    /// </summary>
    public static bool TryValue(string? text, out PublishedValue value)
    {
        var s = text?.Trim() ?? "";
        value = null!;
        if (s == SuppressionMarker.NotPublished.Symbol())
        {
            value = PublishedValue.Suppressed(SuppressionMarker.NotPublished);
            return true;
        }

        if (s.Length == 0 || !double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
            || !double.IsFinite(d))
        {
            return false;
        }

        value = PublishedValue.Of(decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture));
        return true;
    }

    private static bool TryCachedValue(string? text, Dictionary<string, PublishedValue> cache, out PublishedValue value)
    {
        if (text is not null && cache.TryGetValue(text, out value!))
        {
            return true;
        }

        if (!TryValue(text, out value))
        {
            return false;
        }

        cache[text!] = value;
        return true;
    }

    private static AreaRow Area(string? number, string? name, string? region, Dictionary<(string?, string?, string?), AreaRow> cache)
    {
        if (cache.TryGetValue((number, name, region), out var area))
        {
            return area;
        }

        LocalAuthority? authority = null;
        if (number is not null && LocalAuthority.IsCode(number) && number != EnglandNumber && !Regions.ContainsKey(number) && !string.IsNullOrWhiteSpace(name))
        {
            (string Code, string Name)? home = region is not null && RegionByName.TryGetValue(region, out var known) ? known : null;
            authority = new LocalAuthority(number, name, null, home?.Code, home?.Name);
        }

        return cache[(number, name, region)] = new AreaRow(number, name, authority);
    }

    /// <summary>An area of a row: its number and name, and the authority when it is one.</summary>
    private sealed record AreaRow(string? Number, string? Name, LocalAuthority? Authority);

    private static async Task<string?[]> Strings(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        var values = new string?[count];
        await group.ReadAsync(field, values.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return values;
    }

    /// <summary>The area numbers, which LAIT stores as doubles (372) or, in some versions, as text.</summary>
    private static async Task<string?[]> AreaNumbers(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        if (field.ClrType != typeof(double))
        {
            var text = new string?[count];
            await group.ReadAsync(field, text.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return text;
        }

        var numbers = new double?[count];
        await group.ReadAsync<double>(field, numbers.AsMemory(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var result = new string?[count];
        var last = double.NaN;
        string? lastText = null;
        for (var i = 0; i < count; i++)
        {
            if (numbers[i] is not { } n)
            {
                continue;
            }

            if (n != last)
            {
                (last, lastText) = (n, n.ToString("0.###", CultureInfo.InvariantCulture));
            }

            result[i] = lastText;
        }

        return result;
    }

    private sealed class MeasureBuilder(LaitMeasure measure)
    {
        private readonly SortedDictionary<FinancialYear, YearBuilder> _years = [];
        private readonly Dictionary<FinancialYear, string> _labels = [];
        private readonly Dictionary<string, FinancialYear?> _yearOf = new(StringComparer.Ordinal);

        public FinancialYear? YearOf(string label)
        {
            if (!_yearOf.TryGetValue(label, out var year))
            {
                _yearOf[label] = year = measure.TryYear(label, out var y) ? y : null;
            }

            return year;
        }

        public void Add(string file, int row, FinancialYear year, string label, AreaRow area, PublishedValue value, List<InputError> errors)
        {
            if (!_years.TryGetValue(year, out var y))
            {
                _years[year] = y = new YearBuilder();
                _labels[year] = label;
            }
            else if (_labels[year] != label)
            {
                errors.Add(new InputError(file, row, "Years", $"'{label}' of {measure.ShortName} is the same year ({year}) as '{_labels[year]}'; one label a year is expected."));
                return;
            }

            y.Add(file, row, area, value, errors);
        }

        public LaitFigures Build() => new(measure, _years.ToDictionary(y => y.Key, y => y.Value.Build(y.Key)), _labels);
    }

    private sealed class YearBuilder
    {
        private readonly Dictionary<string, (int Row, RegionFigure Figure)> _regions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Row, AuthorityFigure Figure)> _authorities = new(StringComparer.Ordinal);
        private (int Row, PublishedValue Value)? _national;

        public void Add(string file, int row, AreaRow area, PublishedValue value, List<InputError> errors)
        {
            var number = area.Number;
            if (number is null || !LocalAuthority.IsCode(number))
            {
                errors.Add(new InputError(file, row, "LA Number", $"'{number}' is not a three-digit area number."));
                return;
            }

            if (string.IsNullOrWhiteSpace(area.Name))
            {
                errors.Add(new InputError(file, row, "LA and Regions", "the area needs its name."));
                return;
            }

            if (number == EnglandNumber)
            {
                if (_national is { } first)
                {
                    errors.Add(new InputError(file, row, "LA Number", Twice(first.Row)));
                }
                else
                {
                    _national = (row, value);
                }

                return;
            }

            if (Regions.TryGetValue(number, out var r))
            {
                if (!_regions.TryAdd(r.Code, (row, new RegionFigure(r.Code, r.Name, value))))
                {
                    errors.Add(new InputError(file, row, "LA Number", Twice(_regions[r.Code].Row)));
                }

                return;
            }

            if (!_authorities.TryAdd(number, (row, new AuthorityFigure(area.Authority!, value))))
            {
                errors.Add(new InputError(file, row, "LA Number", Twice(_authorities[number].Row)));
            }
        }

        private static string Twice(int firstRow) => $"a second row for the same measure, year and area (the first is row {firstRow}).";

        public YearFigures Build(FinancialYear year) =>
            new(year, _national?.Value, _regions.Values.Select(r => r.Figure), _authorities.Values.Select(a => a.Figure));
    }
}
