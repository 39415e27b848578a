namespace Outturn.Web.Imports;

/// <summary>
/// The largest upload the imports page takes (<c>Outturn:MaxUploadMegabytes</c>, 200 by default: a county's year of
/// returns is under 150 MB). A larger one is refused before it is read, with status 413 and a page saying the limit;
/// one sent without a length is cut off at the limit by the server, with the same page.
/// </summary>
/// <param name="Bytes">The limit in bytes.</param>
public sealed record UploadLimit(long Bytes)
{
    /// <summary>The limit when none is configured, in megabytes.</summary>
    public const double DefaultMegabytes = 200;

    /// <summary>The limit for people: "200 MB".</summary>
    public string Text => $"{Bytes / (1024.0 * 1024):0.#} MB";

    /// <summary>
    /// Refuses a post to the imports page over the limit: one whose declared length is over it before anything of it is
    /// read; one sent without a length (chunked) once it passes the limit, read into a buffer (memory, then a temporary
    /// file) before anything else reads it.
    /// </summary>
    public static async Task Refuse(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/imports", StringComparison.OrdinalIgnoreCase))
        {
            await next();
            return;
        }

        var limit = context.RequestServices.GetRequiredService<UploadLimit>().Bytes;
        if (request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (request.ContentLength is null)
        {
            request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: limit);
            try
            {
                await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            catch (IOException) when (request.Body.Length >= limit)
            {
                // The error page is shown for this request: it reads nothing more of the body.
                request.Body = Stream.Null;
                request.ContentLength = 0;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            request.Body.Position = 0;
        }

        await next();
    }
}
