using Outturn.Formats.Reports;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Reports;

public class NarrativeMarkdownTests
{
    private static readonly string[] Areas = ["Children in Need", "Child Protection"];

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"outturn-narrative-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Write_MatchesTheExpectedDraft() =>
        Snapshot.Match(NarrativeMarkdown.Write(SeedReport.Build().Areas, "2024-25Q4"), "demo-narrative.md");

    [Fact]
    public void Read_GivesBackWhatWasWritten()
    {
        var areas = SeedReport.Build().Areas.Select(a => a with { Commentary = "Audits of ICPC timeliness are under way.\n\nA second paragraph." }).ToList();
        var path = Temp(NarrativeMarkdown.Write(areas, "2024-25Q4"));
        try
        {
            NarrativeMarkdown.Read(path, Areas).ShouldBe(areas, ignoreOrder: false, comparer: new AreaComparer());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_JoinsABulletContinuedOnTheNextLine()
    {
        var path = Temp("## Child Protection\n\n### What's working well\n\n- Conferences were\n  held on time.\n");
        try
        {
            NarrativeMarkdown.Read(path, Areas).Single().WorkingWell.ShouldBe(["Conferences were held on time."]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_ListsEveryMisplacedHeadingAndLine()
    {
        var path = Temp("# Narrative\n\n## Early Help\n\n### What's working well\n\n## Child Protection\n\nStray text.\n\n### Highlights\n\n### Areas of challenge and focus\n\nNot a bullet.\n\n## Child Protection\n");
        try
        {
            var e = Should.Throw<InputException>(() => NarrativeMarkdown.Read(path, Areas));

            e.Errors.Select(x => (x with { File = "narrative.md" }).ToString()).ShouldBe(
            [
                "narrative.md, row 3, column 'heading': 'Early Help' is not an area of the scorecard; the areas are: Children in Need, Child Protection.",
                "narrative.md, row 5, column 'heading': a section must come under an area heading (## Area).",
                "narrative.md, row 9, column 'text': text must come under a section heading (### …).",
                "narrative.md, row 11, column 'heading': 'Highlights' is not a section; use 'What's working well', 'Areas of challenge and focus' or 'Commentary'.",
                "narrative.md, row 15, column 'text': write the points under 'Areas of challenge and focus' as bullets starting '- '.",
                "narrative.md, row 17, column 'heading': the area 'Child Protection' appears twice.",
            ]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class AreaComparer : IEqualityComparer<AreaNarrative>
    {
        public bool Equals(AreaNarrative? x, AreaNarrative? y) =>
            x!.Area == y!.Area && x.WorkingWell.SequenceEqual(y.WorkingWell) && x.Challenges.SequenceEqual(y.Challenges) && x.Commentary == y.Commentary;

        public int GetHashCode(AreaNarrative obj) => obj.Area.GetHashCode(StringComparison.Ordinal);
    }
}
