using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Cms.Bench;

/// <summary>
/// A minimal Kestrel app in the bench's own process that serves one folder with UseStaticFiles and nothing else:
/// what the same HTML costs with no CMS at all. It runs under the same server GC as the host (see the csproj).
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

    public static async Task<StaticFileServer> StartAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Production" });

        // Warnings go to stderr, with the bench's progress: stdout carries only the report.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var app = builder.Build();
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
