using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outturn.App.Audit;

/// <summary>The access log cannot be written, so no child may be shown.</summary>
public sealed class AccessLogException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>
/// The access log as a file of JSON lines, one per disclosure, appended to and never rewritten. Each line is on disk
/// (flushed through the operating system's cache) before the children are shown, and the file is checked to have
/// grown by it: a path that swallows what is written (<c>/dev/null</c>, a pipe, a device) is refused, as is one that
/// cannot be written, with the reason and no child shown.
/// </summary>
/// <param name="path">The log file; its folder is created when missing.</param>
public sealed class FileAccessLog(string path) : IAccessLog
{
    /// <summary>The log file.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    /// <exception cref="AccessLogException">The log is not a file that keeps what is written to it, or cannot be written.</exception>
    public void Record(AccessRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = Line(record);
        try
        {
            var full = System.IO.Path.GetFullPath(Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            if (Directory.Exists(full))
            {
                throw Refused("it is a folder");
            }

            var info = new FileInfo(full);
            if (info.Exists && (info.Attributes & FileAttributes.Device) != 0)
            {
                throw Refused("it is a device, not a file");
            }

            long before;
            using (var log = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                before = log.CanSeek ? log.Length : -1;
                log.Write(line);
                log.Flush(flushToDisk: true);
            }

            info.Refresh();
            if (before < 0 || !info.Exists || info.Length < before + line.Length)
            {
                throw Refused("what is written to it is not kept (is it /dev/null, a pipe or a device?)");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException && e is not AccessLogException)
        {
            throw Refused(e.Message, e);
        }
    }

    private AccessLogException Refused(string why, Exception? inner = null) =>
        new($"The access log {Path} cannot be written: {why}. Children are listed only when who saw them is recorded: set OUTTURN_AUDIT_LOG to a file that can be written.", inner);

    private static byte[] Line(AccessRecord record)
    {
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

        stream.Write(Encoding.UTF8.GetBytes("\n"));
        return stream.ToArray();
    }
}
