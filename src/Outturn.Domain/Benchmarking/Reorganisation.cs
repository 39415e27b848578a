using Outturn.Domain.Periods;

namespace Outturn.Domain.Benchmarking;

/// <summary>
/// A local government reorganisation: authorities abolished and the authorities that replaced them on 1 April of
/// <see cref="From"/>. Statistics publish the old authorities until the year before and the new ones from then on
/// (the other side shows <c>z</c> or no row).
/// </summary>
public sealed record Reorganisation
{
    /// <summary>Creates a reorganisation.</summary>
    /// <exception cref="ArgumentException">A side is empty, a code is not three digits, or a code is on both sides.</exception>
    public Reorganisation(FinancialYear from, IReadOnlyList<string> predecessors, IReadOnlyList<string> successors, string description)
    {
        ArgumentNullException.ThrowIfNull(predecessors);
        ArgumentNullException.ThrowIfNull(successors);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (predecessors.Count == 0 || successors.Count == 0)
        {
            throw new ArgumentException("A reorganisation needs authorities on both sides.");
        }

        if (predecessors.Concat(successors).Any(c => !LocalAuthority.IsCode(c)) || predecessors.Intersect(successors).Any())
        {
            throw new ArgumentException("Codes must be three digits, and no authority can be on both sides.");
        }

        From = from;
        Predecessors = predecessors.ToArray();
        Successors = successors.ToArray();
        Description = description.Trim();
    }

    /// <summary>The first financial year of the new authorities.</summary>
    public FinancialYear From { get; }

    /// <summary>The abolished authorities' codes.</summary>
    public IReadOnlyList<string> Predecessors { get; }

    /// <summary>The new authorities' codes.</summary>
    public IReadOnlyList<string> Successors { get; }

    /// <summary>A short description for notes, e.g. <c>Cumbria split on 1 April 2023</c>.</summary>
    public string Description { get; }

    /// <summary>
    /// The reorganisations of children's services authorities in England since 2019 that the published files show:
    /// Dorset, Bournemouth and Poole (2019), Northamptonshire (2021) and Cumbria (2023).
    /// </summary>
    public static IReadOnlyList<Reorganisation> England { get; } =
    [
        new(new FinancialYear(2019), ["835", "836", "837"], ["838", "839"],
            "Dorset, Poole and Bournemouth reorganised into Dorset and Bournemouth, Christchurch and Poole on 1 April 2019"),
        new(new FinancialYear(2021), ["928"], ["940", "941"],
            "Northamptonshire split into North and West Northamptonshire on 1 April 2021"),
        new(new FinancialYear(2023), ["909"], ["942", "943"],
            "Cumbria split into Cumberland and Westmorland and Furness on 1 April 2023"),
    ];
}
