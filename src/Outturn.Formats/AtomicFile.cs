namespace Outturn.Formats;

/// <summary>Writes a file so that readers never see it half-written: a temporary file beside it, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes text as UTF-8 without a byte order mark.</summary>
    public static void WriteText(string path, string text) => Write(path, s => s.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on failure the old file, if any, is untouched.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new InputException(new InputError(path, null, null, $"the folder {directory} does not exist."));
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
