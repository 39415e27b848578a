using System.Xml.Linq;
using Outturn.Demo.Returns;
using Outturn.Domain.Periods;
using Outturn.Testing;

namespace Outturn.Demo.Tests.Returns;

public class CinCensusWriterTests
{
    /// <summary>
    /// Each element's children in the order of the DfE CIN census schema (CIN_schema_2023 to 2026: xs:sequence), with
    /// whether each is required. GenderCurrent (to 2023-24) and Sex (from 2024-25) take the same place.
    /// </summary>
    private static readonly Dictionary<string, (string Name, bool Required)[]> Sequence = new()
    {
        ["Message"] = [("Header", false), ("Children", true)],
        ["Header"] = [("CollectionDetails", false), ("Source", false)],
        ["CollectionDetails"] = [("Collection", false), ("Year", false), ("ReferenceDate", false)],
        ["Source"] = [("SourceLevel", false), ("LEA", true), ("SoftwareCode", false), ("Release", false), ("SerialNo", false), ("DateTime", false)],
        ["Children"] = [("Child", true)],
        ["Child"] = [("ChildIdentifiers", true), ("ChildCharacteristics", true), ("CINdetails", true)],
        ["ChildIdentifiers"] =
        [
            ("LAchildID", true), ("UPN", false), ("FormerUPN", false), ("UPNunknown", false), ("PersonBirthDate", false),
            ("ExpectedPersonBirthDate", false), ("GenderCurrent|Sex", true), ("PersonDeathDate", false),
        ],
        ["ChildCharacteristics"] = [("Ethnicity", true), ("Disabilities", false)],
        ["Disabilities"] = [("Disability", true)],
        ["CINdetails"] =
        [
            ("CINreferralDate", true), ("ReferralSource", true), ("PrimaryNeedCode", false), ("CINclosureDate", false), ("ReasonForClosure", false),
            ("DateOfInitialCPC", false), ("Assessments", false), ("CINPlanDates", false), ("Section47", false), ("ReferralNFA", true),
            ("ChildProtectionPlans", false),
        ],
        ["Assessments"] =
        [
            ("AssessmentActualStartDate", true), ("AssessmentInternalReviewDate", false), ("AssessmentAuthorisationDate", false),
            ("FactorsIdentifiedAtAssessment", false),
        ],
        ["FactorsIdentifiedAtAssessment"] = [("AssessmentFactors", true)],
        ["CINPlanDates"] = [("CINPlanStartDate", true), ("CINPlanEndDate", false)],
        ["Section47"] = [("S47ActualStartDate", true), ("InitialCPCtarget", false), ("DateOfInitialCPC", false), ("ICPCnotRequired", true)],
        ["ChildProtectionPlans"] =
        [
            ("CPPstartDate", true), ("CPPendDate", false), ("InitialCategoryOfAbuse", true), ("LatestCategoryOfAbuse", true),
            ("NumberOfPreviousCPP", true), ("Reviews", false),
        ],
        ["Reviews"] = [("CPPreviewDate", true)],
    };

    private static XDocument Census(SyntheticLa la, string year) =>
        XDocument.Parse(CinCensusWriter.ToText(CinCensusYear.For(la, FinancialYear.Parse(year)), la.Settings.Authority));

    [Theory]
    [InlineData("2023-24")]
    [InlineData("2024-25")]
    public void Write_FollowsTheSchemaElementOrder(string year)
    {
        var problems = new List<string>();
        foreach (var element in Census(SmallLa.ThreeYears, year).Descendants().Where(e => e.HasElements))
        {
            var sequence = Sequence[element.Name.LocalName];
            var position = 0;
            var seen = new HashSet<string>();
            foreach (var child in element.Elements().Select(e => e.Name.LocalName))
            {
                var at = Array.FindIndex(sequence, s => s.Name.Split('|').Contains(child));
                if (at < position)
                {
                    problems.Add($"{element.Name.LocalName}: {child} out of order or unknown");
                }

                position = Math.Max(position, at);
                seen.Add(sequence[Math.Max(at, 0)].Name);
            }

            problems.AddRange(sequence.Where(s => s.Required && !seen.Contains(s.Name)).Select(s => $"{element.Name.LocalName}: no {s.Name}"));
        }

        problems.Distinct().ShouldBeEmpty();
    }

    /// <summary>Every element written is one the DfE's own sample files use (the 2021 sample has GenderCurrent, the
    /// 2024 one Sex).</summary>
    [Fact]
    public void Write_UsesOnlyElementsOfTheDfESamples()
    {
        var sample = new[] { "CIN_Census_2021.xml", "CIN_Census_2024.xml" }
            .SelectMany(f => XDocument.Load(RepoPaths.InSamples("cin-census", f)).Descendants().Select(e => e.Name.LocalName))
            .ToHashSet();

        var written = new[] { "2023-24", "2024-25" }.SelectMany(y => Census(SmallLa.ThreeYears, y).Descendants().Select(e => e.Name.LocalName)).ToHashSet();

        written.Except(sample).ShouldBeEmpty();
    }

    [Fact]
    public void Write_HasGenderCurrentUntil2023_24AndSexFrom2024_25()
    {
        var before = Census(SmallLa.ThreeYears, "2023-24");
        var after = Census(SmallLa.ThreeYears, "2024-25");

        before.Descendants("GenderCurrent").Select(e => e.Value).Distinct().Order().ShouldBe(["1", "2"]);
        before.Descendants("Sex").ShouldBeEmpty();
        after.Descendants("Sex").Select(e => e.Value).Distinct().Order().ShouldBe(["F", "M"]);
        after.Descendants("GenderCurrent").ShouldBeEmpty();
    }

    [Fact]
    public void Write_HeaderNamesTheCollectionYearAndReferenceDate()
    {
        var details = Census(SmallLa.OneYear, "2024-25").Root!.Element("Header")!.Element("CollectionDetails")!;

        details.Element("Collection")!.Value.ShouldBe("CIN");
        details.Element("Year")!.Value.ShouldBe("2025");
        details.Element("ReferenceDate")!.Value.ShouldBe("2025-03-31");
    }

    [Fact]
    public void Write_WritesDatesAsIsoAndFlagsAsZeroOrOne()
    {
        var census = Census(SmallLa.ThreeYears, "2024-25");

        var dates = census.Descendants()
            .Where(e => !e.HasElements && e.Name.LocalName.Contains("Date", StringComparison.Ordinal) && e.Name.LocalName != "DateTime")
            .Select(e => e.Value)
            .ToList();
        dates.ShouldNotBeEmpty();
        dates.Where(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            .ShouldBeEmpty();
        census.Descendants().Where(e => e.Name.LocalName is "ReferralNFA" or "ICPCnotRequired").ShouldAllBe(e => e.Value == "0" || e.Value == "1");
    }

    [Fact]
    public void Census_MatchesTheExpectedFile()
    {
        var text = CinCensusWriter.ToText(CinCensusYear.For(SmallLa.OneYear, FinancialYear.Parse("2024-25")), SmallLa.OneYear.Settings.Authority);

        Snapshot.Match(SmallLa.FirstLines(text, 60), "cin-census-2024-25-first-60.xml");
    }
}
