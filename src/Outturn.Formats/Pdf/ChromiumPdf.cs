using System.Diagnostics;

namespace Outturn.Formats.Pdf;

/// <summary>
/// Prints HTML to PDF with headless Chromium (Debian's <c>chromium</c> package), so the PDF is exactly the HTML
/// report as a browser prints it, with the report's own print styles (A4 landscape, rows never split).
/// </summary>
public static class ChromiumPdf
{
    /// <summary>How long printing may take before it is abandoned.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The Chromium executable: the one named, if it exists; else Debian's or Google's on the usual paths; null when none is.</summary>
    /// <param name="named">The executable the user named (configuration), if any.</param>
    public static string? FindExecutable(string? named)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            return File.Exists(named) ? named : null;
        }

        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
    }

    /// <summary>Prints <paramref name="html"/> to the PDF file <paramref name="pdfPath"/>, replacing it only on success.</summary>
    /// <param name="html">The page.</param>
    /// <param name="pdfPath">The PDF to write.</param>
    /// <param name="chromium">The Chromium executable (see <see cref="FindExecutable"/>); null when none was found.</param>
    /// <exception cref="PrintException">Chromium is missing, fails or takes too long.</exception>
    public static void Print(string html, string pdfPath, string? chromium)
    {
        if (chromium is null)
        {
            throw new PrintException("PDF output needs Chromium: install it (apt-get install chromium) or set OUTTURN_CHROMIUM to its path.");
        }

        var work = Directory.CreateTempSubdirectory("outturn-pdf-");
        try
        {
            var source = Path.Combine(work.FullName, "report.html");
            var output = Path.Combine(work.FullName, "report.pdf");
            File.WriteAllText(source, html);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", "--no-pdf-header-footer",
                $"--print-to-pdf={output}", new Uri(source).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PrintException($"Chromium ({chromium}) did not start.");
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new PrintException($"Chromium took longer than {Timeout.TotalSeconds:0} s to print the PDF.");
            }

            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                throw new PrintException($"Chromium could not print the PDF (exit code {process.ExitCode}): {errors.Result.Trim()}");
            }

            AtomicFile.Write(pdfPath, stream =>
            {
                using var pdf = File.OpenRead(output);
                pdf.CopyTo(stream);
            });
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

/// <summary>A PDF could not be printed: Chromium is missing, failed or took too long. The message says which.</summary>
public sealed class PrintException(string message) : Exception(message);
