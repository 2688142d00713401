using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Cms.Bench;

/// <summary>
/// A minimal Kestrel app in the bench's own process that serves one folder with UseStaticFiles and nothing else:
/// what the same HTML costs with no CMS at all. At <see cref="FromMemoryPath"/> it writes one file's bytes held in
/// memory, as the host's page cache does: what Kestrel itself can do, the ceiling for a cached page. It runs under the
/// same server GC as the host (see the csproj).
/// </summary>
internal sealed class StaticFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticFileServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens, with a trailing slash: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    public const string FromMemoryPath = "/from-memory";

    public static async Task<StaticFileServer> StartAsync(string folder, string fromMemoryFile)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, fromMemoryFile));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Production" });

        // Warnings go to stderr, with the bench's progress: stdout carries only the report.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var app = builder.Build();
        app.Use((context, next) =>
        {
            if (context.Request.Path != FromMemoryPath)
            {
                return next(context);
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            context.Response.BodyWriter.Write(bytes);
            return context.Response.BodyWriter.FlushAsync().AsTask();
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder) });

        // Port 0: Kestrel picks a free one, and app.Urls holds it once it listens.
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        return new StaticFileServer(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
