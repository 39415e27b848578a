using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outturn.Formats.Audit;

/// <summary>
/// The record of who saw which child: one JSON line per disclosure, appended before the children are shown, so a
/// list that was displayed is always in the log. The log is only ever appended to.
/// </summary>
public static class AccessLog
{
    /// <summary>The environment variable naming the log file.</summary>
    public const string PathVariable = "OUTTURN_AUDIT_LOG";

    /// <summary>The log file: <c>$OUTTURN_AUDIT_LOG</c>, or <c>outturn/access.log</c> in the user's local application data.</summary>
    public static string FilePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "outturn", "access.log");

    /// <summary>Appends one disclosure: when, by whom, what was asked, and the child ids shown.</summary>
    /// <exception cref="IOException">The log cannot be written; the caller must then not show the children.</exception>
    public static void Record(DateTimeOffset when, string user, string purpose, IEnumerable<string> childIds)
    {
        var file = FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("when", when.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("user", user);
            w.WriteString("purpose", purpose);
            w.WriteStartArray("children");
            foreach (var id in childIds.Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        using var log = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read);
        log.Write(stream.ToArray());
        log.Write(Encoding.UTF8.GetBytes("\n"));
    }
}
