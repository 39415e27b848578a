namespace Outturn.Domain.ChildLevel;

/// <summary>
/// The requests for an education, health and care (EHC) needs assessment of one authority, as its SEN2 returns record
/// them (domain-anchors.md §2, SEN2 XML: <c>Person</c>, <c>Requests</c>, <c>Assessment</c>, <c>NamedPlan</c>), merged
/// across the years read, most recent return winning.
/// </summary>
/// <param name="Requests">Every request, in order of person and date received.</param>
public sealed record SpecialNeedsData(IReadOnlyList<EhcRequest> Requests)
{
    /// <summary>No requests: no SEN2 return was given.</summary>
    public static readonly SpecialNeedsData Empty = new([]);
}

/// <summary>A request for an EHC needs assessment (SEN2 module 2, <c>Requests</c>) and what came of it.</summary>
/// <param name="PersonId">The child or young person: the UPN, else the unique learner number, else a key the reader derives.</param>
/// <param name="Received">The date the request was received (<c>ReceivedDate</c>): the 20-week clock starts here.</param>
/// <param name="Disputed">Whether mediation or a tribunal followed the decision whether to assess (<c>RequestMediation</c>, <c>RequestTribunal</c>).</param>
/// <param name="Assessments">The needs assessments carried out on the request (module 3), usually one.</param>
public sealed record EhcRequest(string PersonId, DateOnly Received, bool Disputed, IReadOnlyList<EhcAssessment> Assessments)
{
    /// <summary>The authority whose return holds the request: its three-digit DfE code (<c>LEA</c>), empty when not known.</summary>
    public string Authority { get; init; } = "";
}

/// <summary>An EHC needs assessment (SEN2 module 3, <c>Assessment</c>) and the plan it led to, if any.</summary>
/// <param name="Outcome">The assessment outcome code (<c>AssessmentOutcome</c>), as given.</param>
/// <param name="OutcomeDate">The date of the decision whether to issue a plan (<c>AssessmentOutcomeDate</c>).</param>
/// <param name="Disputed">Whether mediation or a tribunal followed the assessment (<c>AssessmentMediation</c>, <c>AssessmentTribunal</c>).</param>
/// <param name="ExceptionsApply">Whether an exception to the 20-week time limit applies (<c>Week20</c>: 1 yes, 0 no), if given.</param>
/// <param name="PlanIssued">The date the final EHC plan was issued (<c>NamedPlan/StartDate</c>), null when none was.</param>
public sealed record EhcAssessment(string? Outcome, DateOnly? OutcomeDate, bool Disputed, bool? ExceptionsApply, DateOnly? PlanIssued);
