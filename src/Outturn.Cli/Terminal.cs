using Spectre.Console;
using Spectre.Console.Rendering;

namespace Outturn.Cli;

/// <summary>Spectre.Console consoles over the writers the CLI is given.</summary>
internal static class Terminal
{
    /// <summary>The width used when the output is not a terminal (a file, a pipe, a test).</summary>
    public const int PlainWidth = 160;

    /// <summary>A console over <paramref name="output"/>: colour on a real terminal, plain text otherwise.</summary>
    public static IAnsiConsole For(TextWriter output)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!interactive)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>Renders to plain text at <see cref="PlainWidth"/> columns.</summary>
    public static string Render(IRenderable renderable)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        For(writer).Write(renderable);
        return writer.ToString();
    }
}
