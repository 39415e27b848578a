using Outturn.Formats;

namespace Outturn.Cli.Commands;

/// <summary>Where a command's text goes: the terminal, or a file written whole (with a line saying so).</summary>
internal static class TextOutput
{
    public static void Emit(string text, string? path, TextWriter output)
    {
        if (path is null)
        {
            output.Write(text);
            return;
        }

        AtomicFile.WriteText(path, text);
        output.WriteLine($"Wrote {path}");
    }
}
