using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>Reads the demo practice's public pages as a browser would get them, parsed with AngleSharp.</summary>
internal static class PublicSite
{
    public const string Base = "/riverbend";
    public const string Article1 = Base + "/articles/what-you-should-know-about-therapy-part-1";
    public const string Article2 = Base + "/articles/what-you-should-know-about-therapy-part-2";
    public const string Series = Base + "/series/what-you-should-know-about-therapy";
    public const string Dana = Base + "/counselors/dana-whitfield";
    public const string SensitiveArticle = Base + "/articles/when-thoughts-of-suicide-show-up";

    private static readonly IBrowsingContext s_browser = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {path}: {(int)response.StatusCode}, expected {(int)expected}. {html[..Math.Min(html.Length, 400)]}");
        return await ParseAsync(html, path);
    }

    /// <summary>An article read as a browser with this User-Agent reads it; its view count as the page shows it.</summary>
    public static async Task<string> ViewsAsync(HttpClient client, string path, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var page = await ParseAsync(await response.Content.ReadAsStringAsync(), path);
        return page.QuerySelector(".view-count")!.TextContent.Trim();
    }

    public static Task<IDocument> ParseAsync(string html, string path) =>
        s_browser.OpenAsync(request => request.Content(html).Address("http://localhost" + path));

    /// <summary>The schema.org objects of the page's JSON-LD graph, by @type.</summary>
    public static Dictionary<string, JsonElement> JsonLd(IDocument page)
    {
        var script = page.QuerySelector("script[type='application/ld+json']");
        Assert.NotNull(script);
        using var json = JsonDocument.Parse(script.TextContent);
        return json.RootElement.GetProperty("@graph").EnumerateArray().ToDictionary(n => n.GetProperty("@type").GetString()!, n => n.Clone());
    }

    /// <summary>Imports a recipe into a practice through the recipe API with the host's API key: how content is published in these tests.</summary>
    public static async Task ImportAsync(HttpClient client, string tenantBase, string recipe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, tenantBase + "/api/recipes") { Content = new StringContent(recipe, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        using var response = await client.SendAsync(request);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK && report.GetProperty("applied").GetBoolean(), $"Import failed: {report}");
    }

    /// <summary>A content step with one Article by Dana, in Orchard's shape.</summary>
    public static string ArticleRecipe(string id, string title, string path, bool published, string? seriesId = null, int? part = null) => $$"""
        {
          "name": "test-article",
          "steps": [ { "name": "content", "data": [ {
            "ContentItemId": "{{id}}", "ContentType": "Article", "DisplayText": "{{title}}", "Latest": true, "Published": {{(published ? "true" : "false")}},
            "PublishedUtc": "2026-11-20T10:00:00Z", "CreatedUtc": "2026-11-20T10:00:00Z", "ModifiedUtc": "2026-11-20T10:00:00Z",
            "TitlePart": { "Title": "{{title}}" },
            "AutoroutePart": { "Path": "{{path}}" },
            "MarkdownBodyPart": { "Markdown": "## A heading\n\nSome words about {{title}}." },
            "Article": {
              "Authors": { "ContentItemIds": [ "counselordanawhitfield0001" ] },
              "Series": { "ContentItemIds": [ {{(seriesId is null ? "" : "\"" + seriesId + "\"")}} ] },
              "Part": { "Value": {{(part?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null")}} },
              "Topics": { "Values": [ "Anxiety" ] },
              "SensitiveTopic": { "Value": false }
            }
          } ] } ]
        }
        """;
}
