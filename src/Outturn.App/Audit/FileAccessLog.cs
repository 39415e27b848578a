using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outturn.App.Audit;

/// <summary>The access log as a file of JSON lines, one per disclosure, appended to and never rewritten.</summary>
/// <param name="path">The log file; its folder is created when missing.</param>
public sealed class FileAccessLog(string path) : IAccessLog
{
    /// <summary>The log file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public void Record(AccessRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("when", record.When.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("user", record.User);
            w.WriteString("purpose", record.Purpose);
            w.WriteStartArray("children");
            foreach (var id in record.ChildIds.Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        using var log = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        log.Write(stream.ToArray());
        log.Write(Encoding.UTF8.GetBytes("\n"));
    }
}
