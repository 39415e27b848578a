using Outturn.Cli.Commands;
using Outturn.Store;
using Spectre.Console;

namespace Outturn.Cli.Tests.Commands;

/// <summary>An import's progress: a bar per stage on a terminal, a line per stage otherwise.</summary>
public sealed class ImportProgressTests
{
    private static int Import(IProgress<ImportStep> progress)
    {
        progress.Report(new("Reading the 3 return file(s) held."));
        for (var i = 0; i <= 4; i++)
        {
            progress.Report(new("Computing figures for 2024-04 to 2025-03.", i, 4));
        }

        progress.Report(new("Writing 48 figures.", 0, 1));
        progress.Report(new("Writing 48 figures.", 1, 1));
        return 48;
    }

    [Fact]
    public void OnATerminal_EachStageHasABar_FinishedWhenTheNextBegins()
    {
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });

        StoreCommands.WithProgress(console, Import).ShouldBe(48);

        // The last frame drawn: each stage's bar, with the terminal's control sequences taken out.
        var text = System.Text.RegularExpressions.Regex.Replace(screen.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "\n");
        var last = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains('%', StringComparison.Ordinal)).TakeLast(3).ToList();
        last.Count.ShouldBe(3);
        last[0].ShouldStartWith("Reading the 3 return file(s) held.");
        last[1].ShouldStartWith("Computing figures for 2024-04 to 2025-03.");
        last[2].ShouldStartWith("Writing 48 figures.");
        last.ShouldAllBe(l => l.Contains("100%", StringComparison.Ordinal));
    }

    [Fact]
    public void Elsewhere_EachStageIsALineAsItStarts()
    {
        var error = new StringWriter();

        StoreCommands.WithProgress(error, Import).ShouldBe(48);

        error.ToString().ShouldBe("Reading the 3 return file(s) held.\nComputing figures for 2024-04 to 2025-03.\nWriting 48 figures.\n");
    }
}
