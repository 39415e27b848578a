using System.Text;

namespace Outturn.Formats.Reports;

/// <summary>
/// The editable narrative: drafted as Markdown, edited by officers, read back when the report is published.
/// </summary>
/// <remarks>
/// Layout: <c>## Area</c> headings as named on the scorecard, each with up to three <c>### </c> sections:
/// "What's working well" and "Areas of challenge and focus" (bullet lists) and "Commentary" (free Markdown).
/// An area left out of the file is drafted from the data; raw HTML in the Markdown is shown as text, not run.
/// </remarks>
public static class NarrativeMarkdown
{
    /// <summary>The section headings, as written.</summary>
    public const string WorkingWellHeading = "What's working well", ChallengesHeading = "Areas of challenge and focus", CommentaryHeading = "Commentary";

    /// <summary>The narrative as Markdown, with a short note on how to edit it.</summary>
    public static string Write(IReadOnlyList<AreaNarrative> areas, string quarter)
    {
        var s = new StringBuilder();
        s.Append("# Narrative for ").Append(quarter).Append("\n\n");
        s.Append("Drafted from the data. Edit the bullets and write the commentary, then publish with `outturn report --narrative` and this file.\n");
        s.Append("Keep the `##` area headings and the `###` section headings; write bullets as `- ` lines.\n");
        foreach (var area in areas)
        {
            s.Append("\n## ").Append(area.Area).Append('\n');
            Section(s, WorkingWellHeading, area.WorkingWell);
            Section(s, ChallengesHeading, area.Challenges);
            s.Append("\n### ").Append(CommentaryHeading).Append("\n\n");
            if (area.Commentary.Length > 0)
            {
                s.Append(area.Commentary.TrimEnd()).Append('\n');
            }
        }

        return s.ToString();
    }

    /// <summary>Reads an edited narrative, checking every heading against the scorecard's areas.</summary>
    /// <exception cref="InputException">A heading names an unknown area or section, or text stands outside a section.</exception>
    public static IReadOnlyList<AreaNarrative> Read(string path, IReadOnlyCollection<string> areas)
    {
        if (!File.Exists(path))
        {
            throw new InputException(new InputError(path, null, null, "the file does not exist."));
        }

        var errors = new List<InputError>();
        var result = new List<AreaNarrative>();
        string? area = null;
        string? section = null;
        List<string> well = [], challenges = [];
        var commentary = new StringBuilder();

        void Flush()
        {
            if (area is not null)
            {
                result.Add(new AreaNarrative(area, [.. well], [.. challenges], commentary.ToString().Trim()));
            }

            well = [];
            challenges = [];
            commentary.Clear();
            section = null;
        }

        var lines = File.ReadAllLines(path);
        for (var n = 1; n <= lines.Length; n++)
        {
            var line = lines[n - 1];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                var name = line[3..].Trim();
                area = areas.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
                if (area is null)
                {
                    errors.Add(new InputError(path, n, "heading", $"'{name}' is not an area of the scorecard; the areas are: {string.Join(", ", areas)}."));
                }
                else if (result.Any(r => r.Area == area))
                {
                    errors.Add(new InputError(path, n, "heading", $"the area '{area}' appears twice."));
                    area = null;
                }
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                var name = line[4..].Trim();
                section = new[] { WorkingWellHeading, ChallengesHeading, CommentaryHeading }
                    .FirstOrDefault(h => string.Equals(h.Replace('\'', '’'), name.Replace('\'', '’'), StringComparison.OrdinalIgnoreCase));
                if (section is null)
                {
                    errors.Add(new InputError(path, n, "heading", $"'{name}' is not a section; use '{WorkingWellHeading}', '{ChallengesHeading}' or '{CommentaryHeading}'."));
                }
                else if (area is null)
                {
                    errors.Add(new InputError(path, n, "heading", "a section must come under an area heading (## Area)."));
                }
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal) || area is null || section is null)
            {
                if (area is not null && line.Trim().Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal))
                {
                    errors.Add(new InputError(path, n, "text", "text must come under a section heading (### …)."));
                }
            }
            else if (section == CommentaryHeading)
            {
                commentary.Append(line).Append('\n');
            }
            else
            {
                var list = section == WorkingWellHeading ? well : challenges;
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal))
                {
                    list.Add(trimmed[2..].Trim());
                }
                else if (trimmed.Length > 0 && list.Count > 0)
                {
                    list[^1] += " " + trimmed; // a bullet continued on the next line
                }
                else if (trimmed.Length > 0)
                {
                    errors.Add(new InputError(path, n, "text", $"write the points under '{section}' as bullets starting '- '."));
                }
            }
        }

        Flush();
        if (errors.Count > 0)
        {
            throw new InputException(errors);
        }

        return result;
    }

    private static void Section(StringBuilder s, string heading, IReadOnlyList<string> bullets)
    {
        s.Append("\n### ").Append(heading).Append("\n\n");
        foreach (var b in bullets)
        {
            s.Append("- ").Append(b).Append('\n');
        }
    }
}
