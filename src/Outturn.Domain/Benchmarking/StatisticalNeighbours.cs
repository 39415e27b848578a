using Outturn.Domain.Periods;

namespace Outturn.Domain.Benchmarking;

/// <summary>One statistical neighbour as listed in a grouping: its code, its name there and how close it is.</summary>
/// <param name="Code">The three-digit DfE code.</param>
/// <param name="Closeness">The published label (Extremely close, Very close, Close, Somewhat close, Not close), if any.</param>
public sealed record Neighbour(string Code, string? Closeness);

/// <summary>
/// An authority's statistical neighbours in one model, closest first (normally ten).
/// </summary>
public sealed record NeighbourGroup
{
    /// <summary>Creates a group, checking the codes.</summary>
    /// <exception cref="ArgumentException">A code is not three digits, there are no neighbours, a neighbour repeats, or
    /// the authority is listed as its own neighbour.</exception>
    public NeighbourGroup(string code, string name, IReadOnlyList<Neighbour> neighbours)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!LocalAuthority.IsCode(code))
        {
            throw new ArgumentException($"'{code}' is not a three-digit DfE local authority code.", nameof(code));
        }

        if (neighbours.Count == 0)
        {
            throw new ArgumentException($"{name} ({code}) has no statistical neighbours.", nameof(neighbours));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in neighbours)
        {
            if (!LocalAuthority.IsCode(n.Code))
            {
                throw new ArgumentException($"Neighbour '{n.Code}' of {name} is not a three-digit DfE code.", nameof(neighbours));
            }

            if (n.Code == code)
            {
                throw new ArgumentException($"{name} ({code}) is listed as its own neighbour.", nameof(neighbours));
            }

            if (!seen.Add(n.Code))
            {
                throw new ArgumentException($"Neighbour {n.Code} of {name} is listed twice.", nameof(neighbours));
            }
        }

        Code = code;
        Name = name.Trim();
        Neighbours = neighbours.ToArray();
    }

    /// <summary>The authority whose neighbours these are.</summary>
    public string Code { get; }

    /// <summary>Its name as written in the grouping file.</summary>
    public string Name { get; }

    /// <summary>The neighbours, closest first.</summary>
    public IReadOnlyList<Neighbour> Neighbours { get; }
}

/// <summary>
/// A statistical neighbour model: the groups of every authority, and the first year whose statistics it is used for.
/// </summary>
/// <remarks>
/// Two models are published: the regrouping of April 2021 and the model of May 2025. A year's statistics are
/// compared with the model in force when they were published, so <see cref="FirstYear"/> is the first reporting
/// year published after the model appeared (2020-21 for April 2021; 2024-25 for May 2025).
/// </remarks>
public sealed class NeighbourModel
{
    private readonly Dictionary<string, NeighbourGroup> _groups;

    /// <summary>Creates a model from its groups.</summary>
    /// <exception cref="ArgumentException">The name is blank, or an authority has two groups.</exception>
    public NeighbourModel(string name, FinancialYear firstYear, IEnumerable<NeighbourGroup> groups)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(groups);
        _groups = new Dictionary<string, NeighbourGroup>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (!_groups.TryAdd(g.Code, g))
            {
                throw new ArgumentException($"{g.Name} ({g.Code}) has two groups in the {name} model.", nameof(groups));
            }
        }

        Name = name.Trim();
        FirstYear = firstYear;
    }

    /// <summary>The model's name, e.g. <c>April 2021</c>.</summary>
    public string Name { get; }

    /// <summary>The first reporting year compared with this model.</summary>
    public FinancialYear FirstYear { get; }

    /// <summary>Every group, by authority code.</summary>
    public IReadOnlyDictionary<string, NeighbourGroup> Groups => _groups;

    /// <summary>
    /// The group to compare an authority with. Its own group when the model has one; otherwise, for an authority
    /// created or abolished by a reorganisation, the group of the authority it replaced (or that replaced it), with
    /// a note saying so. Null when neither exists.
    /// </summary>
    public NeighbourSelection? Select(string code, IEnumerable<Reorganisation> reorganisations)
    {
        ArgumentNullException.ThrowIfNull(reorganisations);
        if (_groups.TryGetValue(code, out var own))
        {
            return new NeighbourSelection(this, own, null);
        }

        foreach (var r in reorganisations)
        {
            var stand = r.Successors.Contains(code) ? r.Predecessors : r.Predecessors.Contains(code) ? r.Successors : [];
            foreach (var other in stand)
            {
                if (_groups.TryGetValue(other, out var group))
                {
                    return new NeighbourSelection(this, group,
                        $"the {Name} model has no group for {code}, so the neighbours of {group.Name} ({group.Code}) are used: {r.Description}");
                }
            }
        }

        return null;
    }
}

/// <summary>The neighbour group chosen for an authority, from which model, and why if it is not its own.</summary>
/// <param name="Model">The model the group comes from.</param>
/// <param name="Group">The group used.</param>
/// <param name="Note">Why another authority's group stands in, or null when it is the authority's own.</param>
public sealed record NeighbourSelection(NeighbourModel Model, NeighbourGroup Group, string? Note);

/// <summary>The neighbour models available, choosing one per year.</summary>
public sealed class NeighbourModels
{
    /// <summary>Creates the set from one or more models.</summary>
    /// <exception cref="ArgumentException">There are no models, or two share a name or a first year.</exception>
    public NeighbourModels(IEnumerable<NeighbourModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        All = models.OrderBy(m => m.FirstYear).ToArray();
        if (All.Count == 0)
        {
            throw new ArgumentException("At least one statistical neighbour model is needed.", nameof(models));
        }

        if (All.Select(m => m.FirstYear).Distinct().Count() != All.Count
            || All.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != All.Count)
        {
            throw new ArgumentException("Two statistical neighbour models share a name or a first year.", nameof(models));
        }
    }

    /// <summary>The models, oldest first.</summary>
    public IReadOnlyList<NeighbourModel> All { get; }

    /// <summary>
    /// The model for a year: the latest whose first year is not after it; for a year before every model, the oldest.
    /// </summary>
    public NeighbourModel For(FinancialYear year) => All.LastOrDefault(m => m.FirstYear <= year) ?? All[0];

    /// <summary>The model with a name (ignoring case), e.g. <c>2025</c>; null when there is none.</summary>
    public NeighbourModel? Named(string name) =>
        All.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || m.Name.EndsWith(name, StringComparison.OrdinalIgnoreCase));
}
