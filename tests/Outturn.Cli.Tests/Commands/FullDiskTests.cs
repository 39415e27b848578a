using System.Diagnostics;
using Xunit.Abstractions;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// A SQLite store on a disk that fills up: the store's folder is a small file system of its own (a tmpfs mounted over
/// it), filled to the last byte, then to 128 KiB short, before an import, so SQLite fails for want of space as on a
/// full disk. Each time the import is refused with one line naming the store and saying the disk is full, the store is
/// as it was, and once space is freed the same import lands. Mounting needs root: CI runs as root; elsewhere, as another user, the test says so and checks nothing.
/// </summary>
public sealed class FullDiskTests(ITestOutputHelper log)
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    private static bool InCi => Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void AnImport_OntoAFullDisk_IsRefusedNamingTheStore_AndNothingIsLost_AndItLandsOnceThereIsRoom()
    {
        if (!IsRoot)
        {
            InCi.ShouldBeFalse("CI runs as root, so the full-disk test must run there: it mounts a small file system.");
            log.WriteLine("Not run: mounting the small file system needs root (CI runs it).");
            return;
        }

        var returns = Directory.CreateTempSubdirectory("outturn-full-disk-returns-").FullName;
        using var store = new CliStore("sqlite");
        Run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", store.Folder);
        try
        {
            var la = Path.Combine(returns, "la");
            CliRun.With(store.Settings, "demo", "generate", "-n", "2000", "-y", "2", "-s", "3", "-o", la).ExitCode.ShouldBe(0);
            CliRun.With(store.Settings, "targets", "set", "--indicator", "assess-45wd", "--year", "2025-26", "--green", "90", "--amber", "82").ExitCode.ShouldBe(0);
            var before = store.Dump();
            var filler = Path.Combine(store.Folder, "filler");
            Fill(filler);

            // Not a byte left: SQLite cannot even make its shared-memory file, so the store cannot be opened.
            var full = CliRun.With(store.Settings, "import", la);
            full.ExitCode.ShouldBe(1, full.Output + full.Error);
            full.Error.ShouldStartWith($"The store {store.Db} cannot be opened: ");
            full.Error.ShouldContain("the disk holding it is full (0 bytes free)");
            full.Error.Trim().Split('\n').Length.ShouldBe(1);

            // 128 KiB left: the import runs out of room while writing, and is rolled back.
            using (var shrink = new FileStream(filler, FileMode.Open))
            {
                shrink.SetLength(shrink.Length - (128 * 1024));
            }

            var nearlyFull = CliRun.With(store.Settings, "import", la);
            nearlyFull.ExitCode.ShouldBe(1, nearlyFull.Output + nearlyFull.Error);
            nearlyFull.Error.ShouldContain($"\nThe store {store.Db} cannot be written (SQLite Error 13: 'database or disk is full'; the disk holding it is full (");
            nearlyFull.Error.ShouldEndWith("): nothing was changed.\n");
            nearlyFull.Error.ShouldNotContain("   at ");
            store.Dump().ShouldBe(before);

            File.Delete(filler);
            var roomy = CliRun.With(store.Settings, "import", la);
            roomy.ExitCode.ShouldBe(0, roomy.Error);
            CliRun.With(store.Settings, "targets", "list").Output.ShouldContain("90");
            store.Dump().ShouldNotBe(before);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Run("umount", "-l", store.Folder);
            Directory.Delete(returns, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="path"/> until the file system has no byte left.</summary>
    private static void Fill(string path)
    {
        var block = new byte[64 * 1024];
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // Full. What is left is less than a block: fill it a byte at a time.
        }

        try
        {
            while (true)
            {
                file.WriteByte(0);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // Not a byte left.
        }
    }

    private static void Run(string command, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }
}
