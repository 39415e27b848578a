using System.Diagnostics;

namespace Outturn.Cli.Tests.Commands;

/// <summary>
/// A SQLite store that cannot be written (its file, or its folder, read-only): a clear error naming the store, exit code
/// 1, and the store as it was. As root, whom permissions do not stop, the file or folder is made immutable instead.
/// </summary>
public sealed class ReadOnlyStoreTests
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    [Theory]
    [InlineData("file")]
    [InlineData("folder")]
    public void AWrite_ToAReadOnlyStore_IsRefusedNamingIt_AndNothingIsLost(string what)
    {
        using var store = new CliStore("sqlite");
        CliRun.With(store.Settings, "targets", "set", "--indicator", "assess-45wd", "--year", "2025-26", "--green", "90", "--amber", "82").ExitCode.ShouldBe(0);
        var before = store.Dump();
        var locked = what == "file" ? store.Db : store.Folder;

        ReadOnly(locked, true);
        CliRun run;
        try
        {
            run = CliRun.With(store.Settings, "targets", "set", "--indicator", "assess-45wd", "--year", "2025-26", "--green", "95", "--amber", "90");
        }
        finally
        {
            ReadOnly(locked, false);
        }

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldStartWith($"The store {store.Db} cannot be ");
        run.Error.ShouldNotContain("   at ");
        store.Dump().ShouldBe(before);
        CliRun.With(store.Settings, "targets", "list").Output.ShouldContain("90");
    }

    private static void ReadOnly(string path, bool on)
    {
        if (IsRoot)
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [on ? "+i" : "-i", path]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            chattr.ExitCode.ShouldBe(0, chattr.StandardError.ReadToEnd());
        }
        else if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, on ? File.GetAttributes(path) | FileAttributes.ReadOnly : File.GetAttributes(path) & ~FileAttributes.ReadOnly);
        }
        else if (Directory.Exists(path))
        {
            File.SetUnixFileMode(path, on ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            File.SetUnixFileMode(path, on ? UnixFileMode.UserRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
