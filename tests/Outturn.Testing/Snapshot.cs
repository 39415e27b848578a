using System.Runtime.CompilerServices;
using System.Text;

namespace Outturn.Testing;

/// <summary>
/// Compares rendered output with an expected file committed beside the test, exactly.
/// </summary>
/// <remarks>
/// Expected files live in an <c>Expected/</c> folder next to the calling test's source file. Set
/// <c>OUTTURN_UPDATE_SNAPSHOTS=1</c> to rewrite them from the current output; review the diff before committing.
/// Without the switch, a missing expected file fails the test (it is never created silently).
/// Line endings are normalised to LF so the comparison does not depend on the platform.
/// </remarks>
public static class Snapshot
{
    /// <summary>The environment variable that rewrites expected files.</summary>
    public const string UpdateVariable = "OUTTURN_UPDATE_SNAPSHOTS";

    /// <summary>Asserts that <paramref name="actual"/> equals the expected file <paramref name="name"/>.</summary>
    public static void Match(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Expected");
        var path = Path.Combine(directory, name);
        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalised, new UTF8Encoding(false));
            return;
        }

        if (!File.Exists(path))
        {
            throw new Xunit.Sdk.XunitException(
                $"No expected file {path}. Run the tests with {UpdateVariable}=1 to create it, then review it.");
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != normalised)
        {
            throw new Xunit.Sdk.XunitException(
                $"Output differs from {path}.\n{FirstDifference(expected, normalised)}\n" +
                $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
        }
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the section of the document <paramref name="document"/> between the
    /// comments <c>&lt;!-- marker: begin --&gt;</c> and <c>&lt;!-- marker: end --&gt;</c> (a table a document shows
    /// that the tests produce); with <see cref="UpdateVariable"/> set, the section is rewritten and the rest kept.
    /// </summary>
    public static void MatchSection(string actual, string document, string marker)
    {
        var begin = $"<!-- {marker}: begin -->\n";
        var end = $"<!-- {marker}: end -->";
        var text = File.ReadAllText(document).Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new Xunit.Sdk.XunitException($"{document} has no section between '{begin.TrimEnd()}' and '{end}'.");
        }

        var normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = text[(from + begin.Length)..to];
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(document, text[..(from + begin.Length)] + normalised + text[to..], new UTF8Encoding(false));
            return;
        }

        if (expected != normalised)
        {
            throw new Xunit.Sdk.XunitException(
                $"The section '{marker}' of {document} differs from what the tests produce.\n{FirstDifference(expected, normalised)}\n" +
                $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff.");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"First difference at line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "The files differ only in their final line ending.";
    }
}
