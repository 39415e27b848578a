namespace Outturn.Domain.Benchmarking;

/// <summary>
/// An English local authority with children's services responsibilities, as named in published statistics.
/// </summary>
/// <remarks>
/// Identified by its three-digit DfE code (<c>old_la_code</c>, e.g. <c>372</c> for Rotherham), which the statistical
/// neighbour files also use. The nine-character ONS code (<c>new_la_code</c>, e.g. <c>E08000018</c>) is kept for
/// look-up and display.
/// </remarks>
public sealed record LocalAuthority
{
    /// <summary>Creates an authority, checking its codes.</summary>
    /// <exception cref="ArgumentException">The DfE code is not three digits, or the name is blank.</exception>
    public LocalAuthority(string code, string name, string? onsCode = null, string? regionCode = null, string? regionName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsCode(code))
        {
            throw new ArgumentException($"'{code}' is not a three-digit DfE local authority code.", nameof(code));
        }

        Code = code;
        Name = name.Trim();
        OnsCode = string.IsNullOrWhiteSpace(onsCode) ? null : onsCode.Trim();
        RegionCode = string.IsNullOrWhiteSpace(regionCode) ? null : regionCode.Trim();
        RegionName = string.IsNullOrWhiteSpace(regionName) ? null : regionName.Trim();
    }

    /// <summary>The three-digit DfE code (<c>old_la_code</c>).</summary>
    public string Code { get; }

    /// <summary>The name as published.</summary>
    public string Name { get; }

    /// <summary>The ONS code (<c>new_la_code</c>), if known.</summary>
    public string? OnsCode { get; }

    /// <summary>The code of the region the statistics place it in (for London, Inner or Outer London), if known.</summary>
    public string? RegionCode { get; }

    /// <summary>The name of that region, if known.</summary>
    public string? RegionName { get; }

    /// <summary>Whether text is a three-digit DfE code.</summary>
    public static bool IsCode(string? text) => text is { Length: 3 } && text.All(char.IsAsciiDigit);

    /// <summary>The name and code, e.g. <c>Rotherham (372)</c>.</summary>
    public override string ToString() => $"{Name} ({Code})";
}
