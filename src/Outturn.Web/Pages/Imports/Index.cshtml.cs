using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.App;
using Outturn.App.Imports;
using Outturn.App.Scorecards;
using Outturn.Domain.Indicators;
using Outturn.Domain.National;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats;
using Outturn.Store;
using Outturn.Web.Imports;

namespace Outturn.Web.Pages.Imports;

/// <summary>
/// Uploading returns or a targets file: check, then accept. An upload is read first, as its import would read it, and
/// its problem report shown file by file (file, row, field) with nothing stored; one that cannot be read is refused
/// and cannot be accepted. A good one is held (<see cref="HeldUploads"/>) until its uploader accepts it, when it is
/// imported (returns in one transaction, targets set together), or cancels it. Below, the import history from the
/// audit trail.
/// </summary>
/// <param name="store">The store.</param>
/// <param name="held">Uploads checked and waiting.</param>
/// <param name="settings">Our authority, for reading returns.</param>
public sealed class IndexModel(OutturnStore store, HeldUploads held, OutturnSettings settings) : PageModel
{
    /// <summary>The audit trail's actions an upload makes.</summary>
    private static readonly string[] ImportActions = ["import", "targets", "benchmarks"];

    /// <summary>What the upload is: <see cref="HeldUploads.Returns"/>, <see cref="HeldUploads.Targets"/> or <see cref="HeldUploads.Published"/>.</summary>
    public string Kind { get; private set; } = HeldUploads.Returns;

    /// <summary>The upload checked and held, waiting to be accepted; null when none.</summary>
    public HeldUpload? Checked { get; private set; }

    /// <summary>What each file of a checked upload was read as.</summary>
    public IReadOnlyList<(string Name, string Read)> Files { get; private set; } = [];

    /// <summary>What the upload did, when accepted returns were imported.</summary>
    public ImportResult? Result { get; private set; }

    /// <summary>What accepted published statistics did, or null.</summary>
    public BenchmarkImport? Benchmarks { get; private set; }

    /// <summary>How many targets an accepted targets file set, or null.</summary>
    public int? TargetsSet { get; private set; }

    /// <summary>The problems, by file: those that refused the upload (nothing stored), or those it would be imported with.</summary>
    public IReadOnlyList<IGrouping<string, InputError>> Problems { get; private set; } = [];

    /// <summary>Whether the upload was refused.</summary>
    public bool Refused { get; private set; }

    /// <summary>Each import so far, newest first.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>Shows the form and the history.</summary>
    public void OnGet() => History = Imports();

    /// <summary>
    /// Checks the files uploaded (SSDA903 files as the year given) and holds them to be accepted; or lists why they
    /// cannot be (status 400), holding nothing. Nothing is stored either way.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, string? kind, string? year, string? release)
    {
        History = Imports();
        Kind = kind is HeldUploads.Targets or HeldUploads.Published ? kind : HeldUploads.Returns;
        var errors = new List<InputError>();
        if (files is null || files.Count == 0)
        {
            errors.Add(new InputError("(no file)", null, "files", "Choose one or more files"));
        }
        else if (Kind == HeldUploads.Targets && files.Count != 1)
        {
            errors.Add(new InputError("(form)", null, "files", "Choose one targets file (CSV or XLSX: indicator, year, green, amber)"));
        }

        FinancialYear? financialYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            financialYear = FinancialYear.TryParse(year.Trim(), out var y) ? y
                : Refuse(errors, new InputError("(form)", null, "year", $"'{year}' is not a financial year like 2024-25"));
        }

        if (errors.Count > 0)
        {
            return Refusal(errors);
        }

        var received = new List<(string Name, byte[] Content)>();
        foreach (var file in files!)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            received.Add((HeldUploads.SafeName(file.FileName), buffer.ToArray()));
        }

        var upload = held.Hold(Kind, financialYear?.ToString(), User.Identity!.Name!, received, Kind == HeldUploads.Published ? release : null);
        try
        {
            Check(upload);
        }
        catch (InputException e)
        {
            held.Remove(upload.Token);
            return Refusal(e.Errors);
        }

        Checked = upload;
        return Page();
    }

    /// <summary>Imports the upload held under <paramref name="token"/>, checking it again; refused (400) when it is no longer held or cannot be read.</summary>
    public IActionResult OnPostAccept(string? token)
    {
        History = Imports();
        if (held.Find(token, User.Identity!.Name!) is not { } upload)
        {
            return Refusal([new InputError("(upload)", null, null, $"The upload is no longer held (it was accepted or cancelled, or is more than {HeldUploads.Lifetime.TotalMinutes:N0} minutes old): upload it again")]);
        }

        Kind = upload.Kind;
        try
        {
            var asked = store.As(upload.By);
            if (upload.Kind == HeldUploads.Targets)
            {
                var targets = ReadTargets(upload);
                asked.SetTargets(targets);
                TargetsSet = targets.Count;
            }
            else if (upload.Kind == HeldUploads.Published)
            {
                Benchmarks = WithPublished(upload, folder => asked.ImportBenchmarks(folder));
            }
            else
            {
                Result = asked.Import(Returns(upload));
                Problems = [.. Result.Problems.GroupBy(p => p.File)];
            }
        }
        catch (InputException e)
        {
            return Refusal(e.Errors);
        }
        finally
        {
            held.Remove(upload.Token);
        }

        History = Imports();
        return Page();
    }

    /// <summary>Drops the upload held under <paramref name="token"/>: nothing is stored.</summary>
    public IActionResult OnPostCancel(string? token)
    {
        if (held.Find(token, User.Identity!.Name!) is not null)
        {
            held.Remove(token);
        }

        return Redirect("/imports?cancelled=1");
    }

    /// <summary>Reads the upload as its import will: what each file is, and the problems it would come with.</summary>
    /// <exception cref="InputException">A file cannot be read, or is not what was said.</exception>
    private void Check(HeldUpload upload)
    {
        if (upload.Kind == HeldUploads.Targets)
        {
            var targets = ReadTargets(upload);
            Files = [(upload.Files[0].Name, $"Targets: {targets.Count} for {string.Join(", ", targets.Select(t => t.Year).Distinct().Order())}")];
            return;
        }

        if (upload.Kind == HeldUploads.Published)
        {
            var read = WithPublished(upload, OutturnStore.CheckBenchmarks);
            var given = upload.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            Files = [.. read.Select(m => (m.File, $"{m.Measure}: {m.Figures:N0} figures, {m.Release}{(given.Contains(m.File) ? " (uploaded)" : " (from the configured folder)")}"))];
            return;
        }

        var returns = Returns(upload);
        store.CheckLocal(returns);
        Problems = [.. ReturnFiles.Check(returns, settings.Authority).GroupBy(p => p.File)];
        Files = [.. returns.Select(r => (r.Name, $"{r.Slot} ({r.Content.Length:N0} bytes)"))];
    }

    /// <summary>Runs <paramref name="work"/> on the folder the published statistics upload makes, removed afterwards; errors name the files as uploaded.</summary>
    private T WithPublished<T>(HeldUpload upload, Func<string, T> work)
    {
        var root = Directory.CreateTempSubdirectory("outturn-published-upload-").FullName;
        try
        {
            var folder = PublishedUpload.Lay(settings.PublishedFolder, upload.Files, upload.Release, upload.By, upload.At, root);
            try
            {
                return work(folder);
            }
            catch (InputException e)
            {
                throw new InputException([.. e.Errors.Select(x => x with { File = x.File.StartsWith(folder, StringComparison.Ordinal) ? Path.GetRelativePath(folder, x.File) : x.File })]);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IReadOnlyList<ReturnFile> Returns(HeldUpload upload) =>
        ReturnFiles.Detect([.. upload.Files.Select(f => (f.Name, System.IO.File.ReadAllBytes(f.Path)))], upload.Year is { } y ? FinancialYear.Parse(y) : null);

    private IReadOnlyList<Target> ReadTargets(HeldUpload upload)
    {
        var (name, path) = upload.Files[0];
        try
        {
            return TargetFiles.Read(path, store.Catalogue());
        }
        catch (InputException e)
        {
            throw new InputException([.. e.Errors.Select(x => x with { File = name })]);
        }
    }

    private static FinancialYear? Refuse(List<InputError> errors, InputError error)
    {
        errors.Add(error);
        return null;
    }

    private PageResult Refusal(IReadOnlyList<InputError> errors)
    {
        Refused = true;
        Problems = [.. errors.GroupBy(p => p.File)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IReadOnlyList<AuditEntry> Imports() => [.. store.History().Where(e => ImportActions.Contains(e.Action)).Reverse()];
}
