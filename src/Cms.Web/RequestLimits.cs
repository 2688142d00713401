using Cms.Tenancy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Cms.Web;

/// <summary>
/// Applies the request size an endpoint declares (<see cref="IRequestSizeLimitMetadata"/>, else the server's 30 MB) before
/// anything reads the body, and answers a request over it with the limit, not the empty 400 a form cut short gave.
/// </summary>
internal static class RequestLimits
{
    /// <summary>What a request may send unless its endpoint says otherwise: an admin form with its images.</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    // A browser still sending its upload only shows an answer once it has sent it all: what is over the limit is read and
    // dropped (never kept) up to this multiple of the limit, as a proxy's lingering close does; beyond it, the connection is closed.
    private const int DrainMultiple = 4;
    private static readonly TimeSpan s_drainTime = TimeSpan.FromSeconds(30);

    public static void UseRequestLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if (declared is not null && feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = declared.MaxRequestBodySize;
        }

        var limit = declared is not null ? declared.MaxRequestBodySize : feature?.MaxRequestBodySize;
        if (limit is not { } max || context.Request.ContentLength is not { } length || length <= max)
        {
            await next(context);
            return;
        }

        await DrainAsync(context, feature, length, max);
        var message = $"What was sent is {Megabytes(length)}; this page takes at most {Megabytes(max)}. Make the file smaller (or send fewer at once) and try again.";
        if (ErrorPages.IsApi(context.Request.PathBase + context.Request.Path))
        {
            await Results.Problem(title: "The request is too large.", detail: message, statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }

        await StatusPage.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Too large to upload", $"<p>{System.Net.WebUtility.HtmlEncode(message)}</p>");
    });

    private static async Task DrainAsync(HttpContext context, IHttpMaxRequestBodySizeFeature? feature, long length, long max)
    {
        if (length > max * DrainMultiple || feature is not { IsReadOnly: false })
        {
            context.Response.Headers.Connection = "close";
            return;
        }

        feature.MaxRequestBodySize = length;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(s_drainTime);
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            context.Response.Headers.Connection = "close";
        }
    }

    private static string Megabytes(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
