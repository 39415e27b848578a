using Outturn.Demo.Returns;
using Outturn.Domain.ChildLevel.Stacking;
using Outturn.Formats;
using Outturn.Formats.Sen2;
using Outturn.Testing;

namespace Outturn.Demo.Tests.Returns;

public class Sen2WriterTests
{
    private static string Written(SyntheticLa la, DateOnly reference)
    {
        using var stream = new MemoryStream();
        Sen2Writer.Write(la.SpecialNeeds, la.Settings.Authority, reference, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Write_MatchesTheExpectedFile()
    {
        // The small LA's January 2025 census: the first persons in full, as an LA's SEN2 file shows them
        var la = SmallLa.OneYear;
        var reference = SpecialNeedsDemo.ReturnDates(la.Settings)[0];

        reference.ShouldBe(new DateOnly(2025, 1, 16)); // the third Thursday of January
        Snapshot.Match(SmallLa.FirstLines(Written(la, reference), 80), "SEN2_2025-01-16-head.xml");
    }

    [Fact]
    public void Write_HoldsOnlyWhatHadHappenedByTheReferenceDate()
    {
        var la = SmallLa.OneYear;
        var census = new DateOnly(2025, 1, 16);
        var path = Path.Combine(Path.GetTempPath(), $"outturn-sen2-{Guid.NewGuid():N}.xml");
        try
        {
            AtomicFile.Write(path, s => Sen2Writer.Write(la.SpecialNeeds, la.Settings.Authority, census, s));

            var file = Sen2Reader.Read(path);

            file.Problems.ShouldBeEmpty(); // nothing dated after the census day, which the reader would refuse
            var issuedLater = la.SpecialNeeds.SelectMany(p => p.Requests).Where(r => r.Received <= census && r.Issued > census).ToList();
            issuedLater.ShouldNotBeEmpty();
            file.Data.Requests.Where(r => issuedLater.Any(l => l.Received == r.Received)).SelectMany(r => r.Assessments).ShouldAllBe(a => a.PlanIssued == null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheDemoReturnsReadBackToTheGeneratedRequests()
    {
        // Given a small demo LA written out
        var settings = new DemoSettings(5_000, 2, 7, new DateOnly(2025, 3, 31));
        var la = DemoGenerator.Generate(settings);
        var folder = Path.Combine(Path.GetTempPath(), $"outturn-sen2-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var reference in SpecialNeedsDemo.ReturnDates(settings))
            {
                AtomicFile.Write(Path.Combine(folder, $"SEN2_{reference:yyyy-MM-dd}.xml"), s => Sen2Writer.Write(la.SpecialNeeds, settings.Authority, reference, s));
            }

            // When read back and stacked
            var files = Sen2Reader.ReadAll(folder);
            var merged = Stack.Sen2(files.Select(f => (f.ReferenceDate, f.Data)));

            // Then every plan issued from the first return's year to the last return is there, with its dates; none later
            files.SelectMany(f => f.Problems).ShouldBeEmpty();
            var since = new DateOnly(SpecialNeedsDemo.ReturnDates(settings)[0].Year - 1, 1, 1);
            var last = SpecialNeedsDemo.ReturnDates(settings)[^1];
            var expected = la.SpecialNeeds.SelectMany(p => p.Requests.Where(r => r.Issued >= since && r.Issued <= last).Select(r => (p.Upn, r.Received, r.Issued))).Order().ToList();
            var read = merged.Requests.SelectMany(r => r.Assessments.Where(a => a.PlanIssued >= since).Select(a => (r.PersonId, r.Received, a.PlanIssued))).Order().ToList();
            expected.Count.ShouldBeGreaterThan(50);
            read.ShouldBe(expected);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
