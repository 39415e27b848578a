using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli;

/// <summary>Spectre.Console consoles over the writers the CLI is given.</summary>
internal static class Terminal
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test) and none is given.</summary>
    public const int PlainWidth = 160;

    /// <summary>The narrowest width a table is fitted to.</summary>
    public const int MinimumWidth = 40;

    /// <summary>
    /// A console over <paramref name="output"/>: colour on a real terminal (at the terminal's width), plain text
    /// otherwise (at <see cref="PlainWidth"/>); <paramref name="width"/>, when given, fixes the width either way.
    /// </summary>
    public static IAnsiConsole For(TextWriter output, int? width = null)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (width is { } w)
        {
            console.Profile.Width = w;
        }
        else if (!interactive)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>Renders to plain text at <paramref name="width"/> columns (<see cref="PlainWidth"/> when not given).</summary>
    public static string Render(IRenderable renderable, int? width = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        For(writer, width ?? PlainWidth).Write(renderable);
        return writer.ToString();
    }
}
