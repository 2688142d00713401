using System.Diagnostics;
using SkiaSharp;

namespace Cms.Bench;

/// <summary>
/// What the public site's image copies cost and save (issue 14, item 6): 12-megapixel phone photos put in the demo
/// practice's media library, then asked for over HTTP from the real host as a page's srcset asks for them, as stored
/// and at each width: the bytes sent, the first request (which makes the copy) and later ones (served from the copy).
/// </summary>
internal static class ImagesBenchmark
{
    private const int Photos = 5;
    private const int LaterRequests = 100;
    private static readonly int?[] s_widths = [null, 400, 800, 1600];

    public static async Task<Report> RunAsync(bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Images", "cms-bench-images-", keepData);
        var report = workspace.Report;
        var dataPath = Path.Combine(workspace.Path, "data");
        Progress.Say("First run of the host (the demo practice)");
        using (var first = await PagesBenchmark.StartHostAsync(workspace.Layout, dataPath, pageCacheBytes: null))
        {
            await first.WaitForPageAsync(PagesBenchmark.ArticlePath, TimeSpan.FromSeconds(60));
        }

        // Put in the library's folder as an upload leaves a file there (a photo drawn here carries no metadata to strip).
        var library = Path.Combine(dataPath, "Sites", PagesBenchmark.DemoTenant, "Media", "bench");
        Directory.CreateDirectory(library);
        for (var i = 0; i < Photos; i++)
        {
            Progress.Say($"Drawing photo {i + 1} of {Photos}");
            await File.WriteAllBytesAsync(Path.Combine(library, $"photo-{i}.jpg"), Photo(4032, 3024, seed: i));
        }

        using var host = await PagesBenchmark.StartHostAsync(workspace.Layout, dataPath, pageCacheBytes: null);
        await host.WaitForPageAsync(PagesBenchmark.ArticlePath, TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var firsts = s_widths.ToDictionary(w => w ?? 0, _ => new List<double>());
        var sizes = s_widths.ToDictionary(w => w ?? 0, _ => new List<long>());
        for (var i = 0; i < Photos; i++)
        {
            Progress.Say($"First requests for photo {i + 1} of {Photos}");
            foreach (var width in s_widths)
            {
                var (ms, bytes) = await GetAsync(client, Url(i, width));
                firsts[width ?? 0].Add(ms);
                sizes[width ?? 0].Add(bytes);
            }
        }

        var table = report.Table(
            $"{Photos} photos of 4032 × 3024 px (JPEG), each asked for as stored (its first request also reads it for its version and size) and then at each width (the first request makes the copy); later requests: {LaterRequests} of the first photo, one at a time. Milliseconds from sending the request to the last byte:",
            "Asked for", "Bytes sent (median)", "Of the stored file", "First request p50", "First request max", "Later p50", "Later p90");
        var stored = Median(sizes[0]);
        foreach (var width in s_widths)
        {
            var later = new List<double>();
            for (var r = 0; r < LaterRequests; r++)
            {
                later.Add((await GetAsync(client, Url(0, width))).Ms);
            }

            var first = Distribution.Of(firsts[width ?? 0]);
            var latency = Distribution.Of(later);
            var median = Median(sizes[width ?? 0]);
            table.Add([
                width is { } w ? Report.Invariant($"{w} px wide") : "as stored",
                Report.Bytes(median),
                Report.Invariant($"{100.0 * median / stored:0.0} %"),
                Report.Ms(first.P50),
                Report.Ms(first.Max),
                Report.Ms(latency.P50),
                Report.Ms(latency.P90),
            ]);
        }

        return report;
    }

    private static string Url(int photo, int? width) =>
        $"{PagesBenchmark.DemoTenant}/media/bench/photo-{photo}.jpg{(width is { } w ? $"?w={w}" : "")}";

    private static async Task<(double Ms, long Bytes)> GetAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.IsSuccessStatusCode ? (elapsed, body.LongLength) : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
    }

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);

    // Something like a photo for the encoder: a sky-to-ground gradient, soft shapes and sensor noise, JPEG at 90.
    private static byte[] Photo(int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height), [new SKColor(120, 170, 220), new SKColor(70, 110, 60)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, sky);
            using var shape = new SKPaint { IsAntialias = true, MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, 12) };
            for (var i = 0; i < 60; i++)
            {
                shape.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 160);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(40, 400), shape);
            }
        }

        var pixels = bitmap.GetPixelSpan().ToArray();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            var noise = random.Next(-6, 7);
            pixels[i] = (byte)Math.Clamp(pixels[i] + noise, 0, 255);
            pixels[i + 1] = (byte)Math.Clamp(pixels[i + 1] + noise, 0, 255);
            pixels[i + 2] = (byte)Math.Clamp(pixels[i + 2] + noise, 0, 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return encoded.ToArray();
    }
}
