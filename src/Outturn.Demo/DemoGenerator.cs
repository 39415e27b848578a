using Outturn.Demo.Simulation;

namespace Outturn.Demo;

/// <summary>
/// Generates a synthetic local authority from <see cref="DemoSettings"/>: deterministic (one
/// <see cref="Random"/> seeded once and threaded through, no clock), with volumes and timings calibrated to the
/// England figures in <see cref="NationalRates"/>.
/// </summary>
/// <remarks>
/// <para>Each child's journey is simulated in order, from the first referral: contact, referral, assessment, then a
/// child in need plan, a section 47 enquiry and conference, a child protection plan, care, or closure; and later
/// re-referrals. Care is simulated episode by episode: legal status changes (<c>L</c>), moves to a new carer
/// (<c>P</c>, <c>B</c>), changes of placement with the same carer (<c>T</c>, <c>U</c>: long-term fostering, placed
/// for adoption with the foster carers), temporary placements, reviews, missing episodes, adoption, and leaving care.
/// Children already in care when the simulation starts come from a pre-history of care entrants, so that the stock
/// has realistic lengths of care.</para>
/// <para>Every date is built to satisfy the DfE validation rules of the SSDA903 and CIN census (e.g. no overlapping
/// episodes, conferences on working days, no activity after closure, an open assessment never older than 45 working
/// days at 31 March); docs/demo-data.md lists the rules followed and the simplifications made.</para>
/// </remarks>
public static class DemoGenerator
{
    /// <summary>Generates the LA. The same settings always give the same LA, value for value.</summary>
    public static SyntheticLa Generate(DemoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DemoSimulation(settings).Run() with { SpecialNeeds = SpecialNeedsDemo.Generate(settings) };
    }
}
