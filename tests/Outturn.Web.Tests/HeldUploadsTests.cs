using Outturn.Web.Imports;

namespace Outturn.Web.Tests;

/// <summary>Held uploads: under a random token, the files numbered (no name given is a path), gone after an hour.</summary>
public sealed class HeldUploadsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("outturn-held-test-").FullName;
    private readonly TestClock _clock = new(new DateTimeOffset(2025, 4, 14, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AFile_IsHeldUnderANumber_InItsTokensFolder_WhateverItsName()
    {
        var held = new HeldUploads(_clock) { Root = _root };

        var upload = held.Hold(HeldUploads.Returns, null, "analyst", [("../../etc/passwd.csv", "x"u8.ToArray()), ("..\\..\\census.XML", "y"u8.ToArray())]);

        upload.Token.ShouldMatch("^[0-9a-f]{64}$");
        upload.Files.Select(f => f.Name).ShouldBe(["passwd.csv", "census.XML"]);
        upload.Files.Select(f => Path.GetRelativePath(_root, f.Path)).ShouldBe([Path.Combine(upload.Token, "0000.csv"), Path.Combine(upload.Token, "0001.xml")]);
        held.Find(upload.Token, "analyst").ShouldNotBeNull();
        held.Find(upload.Token, "admin").ShouldBeNull();
        held.Find("../" + upload.Token, "analyst").ShouldBeNull();
    }

    [Fact]
    public void AnUploadLeftHalfWritten_OrHeldOverAnHour_IsSweptAway_AndOneNewerIsKept()
    {
        var held = new HeldUploads(_clock) { Root = _root };
        var old = held.Hold(HeldUploads.Targets, null, "analyst", [("targets.csv", "a"u8.ToArray())]);
        var half = Directory.CreateDirectory(Path.Combine(_root, new string('a', 64) + ".partial")).FullName;
        Directory.SetLastWriteTimeUtc(half, _clock.Now.UtcDateTime);
        var other = Directory.CreateDirectory(Path.Combine(_root, "not-ours")).FullName;

        _clock.Now += TimeSpan.FromMinutes(61);
        var newer = held.Hold(HeldUploads.Targets, null, "analyst", [("targets.csv", "b"u8.ToArray())]);

        Directory.Exists(Path.Combine(_root, old.Token)).ShouldBeFalse();
        Directory.Exists(half).ShouldBeFalse();
        Directory.Exists(other).ShouldBeTrue();
        held.Find(newer.Token, "analyst").ShouldNotBeNull();
    }
}
