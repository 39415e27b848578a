using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.App.Imports;
using Outturn.Domain.Periods;
using Outturn.Formats;
using Outturn.Store;

namespace Outturn.Web.Pages.Imports;

/// <summary>
/// Uploading returns: the files are imported in one transaction, so a file that cannot be read (or is not a return)
/// refuses the whole upload with every problem listed per file and nothing stored; an accepted upload lists each file's
/// outcome and the problems that did not stop the figures. Below, the import history from the audit trail.
/// </summary>
/// <param name="store">The store.</param>
[RequestSizeLimit(IndexModel.MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = IndexModel.MaxUpload)]
public sealed class IndexModel(OutturnStore store) : PageModel
{
    /// <summary>Largest upload taken, in bytes.</summary>
    public const long MaxUpload = 200L * 1024 * 1024;

    /// <summary>What the upload did, when it was accepted.</summary>
    public ImportResult? Result { get; private set; }

    /// <summary>The problems, by file, that refused the upload (nothing stored) or came with an accepted one.</summary>
    public IReadOnlyList<IGrouping<string, InputError>> Problems { get; private set; } = [];

    /// <summary>Whether the upload was refused.</summary>
    public bool Refused { get; private set; }

    /// <summary>Each import so far, newest first.</summary>
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    /// <summary>Shows the form and the history.</summary>
    public void OnGet() => History = Imports();

    /// <summary>Imports the files uploaded (SSDA903 tables into the year given), or lists why not (status 400).</summary>
    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, string? year)
    {
        History = Imports();
        var errors = new List<InputError>();
        if (files is null || files.Count == 0)
        {
            errors.Add(new InputError("(no file)", null, "files", "Choose one or more return files"));
        }

        if (!string.IsNullOrWhiteSpace(year) && !FinancialYear.TryParse(year.Trim(), out _))
        {
            errors.Add(new InputError("(form)", null, "year", $"'{year}' is not a financial year like 2024-25"));
        }

        if (errors.Count == 0)
        {
            var folder = Directory.CreateTempSubdirectory("outturn-upload-").FullName;
            try
            {
                var into = string.IsNullOrWhiteSpace(year) ? folder : Directory.CreateDirectory(Path.Combine(folder, FinancialYear.Parse(year.Trim()).ToString())).FullName;
                foreach (var file in files!)
                {
                    var name = Path.GetFileName(file.FileName);
                    await using var target = System.IO.File.Create(Path.Combine(into, name.Length == 0 ? "upload" : name));
                    await file.CopyToAsync(target);
                }

                Result = store.As(User.Identity!.Name!).Import(ReturnFiles.Detect([folder]));
                Problems = [.. Result.Problems.GroupBy(p => Path.GetFileName(p.File))];
                History = Imports();
                return Page();
            }
            catch (InputException e)
            {
                errors.AddRange(e.Errors.Select(p => p with { File = Path.GetFileName(p.File) }));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Refused = true;
        Problems = [.. errors.GroupBy(p => p.File)];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private IReadOnlyList<AuditEntry> Imports() => [.. store.History().Where(e => e.Action == "import").Reverse()];
}
