using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cms.Admin.Editors;
using Cms.Core.Tests.Support;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11, item 3: media in a shared store on PostgreSQL. Two nodes on one database, each with a data folder of its
/// own, as two machines have: what one node receives, the other serves, with the same bytes and headers.
/// </summary>
public sealed class SharedMediaTests
{
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    [SkippableFact]
    public async Task AnImageUploadedOnOneNodeIsServedByTheOther()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        Assert.NotEqual(a.DataPath, b.DataPath);
        var image = Png(1_300_000, seed: 1);
        var admin = await AdminSite.SignInAsync(a, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var saved = await AdminSite.PostWithUploadAsync(admin, Dana, "Counselor.Photo.Upload", "Dana on node A.png", image);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var library = await admin.GetFromJsonAsync<MediaPage>(AdminSite.Base + "/admin/media/library?q=node");
        var uploaded = Assert.Single(library!.Files);
        Assert.Equal(image.Length, uploaded.Size);
        using var nodeA = a.Client();
        using var nodeB = b.Client();
        using var fromA = await nodeA.GetAsync(uploaded.Url);
        using var fromB = await nodeB.GetAsync(uploaded.Url);
        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
        Assert.Equal(image, await fromB.Content.ReadAsByteArrayAsync());
        Assert.Equal(image, await fromA.Content.ReadAsByteArrayAsync());
        foreach (var response in new[] { fromA, fromB })
        {
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            // The plain address is asked about on each use; pages link the versioned one, kept a year (ResponsiveImageTests).
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("bytes", Assert.Single(response.Headers.AcceptRanges));
        }

        Assert.Equal(fromA.Content.Headers.LastModified, fromB.Content.Headers.LastModified);
        // The version is the content's, so both nodes tag the file alike and a browser's 304 holds on either.
        Assert.NotNull(fromA.Headers.ETag);
        Assert.Equal(fromA.Headers.ETag, fromB.Headers.ETag);
        Assert.NotNull(fromB.Content.Headers.LastModified);

        // A range, as a browser resuming a download asks for it.
        using var ranged = new HttpRequestMessage(HttpMethod.Get, uploaded.Url);
        ranged.Headers.Range = new RangeHeaderValue(1000, 1999);
        using var part = await nodeB.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(image[1000..2000], await part.Content.ReadAsByteArrayAsync());

        // Not modified since: the date node A gave is the one node B checks against.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, uploaded.Url);
        conditional.Headers.IfModifiedSince = fromA.Content.Headers.LastModified;
        using var notModified = await nodeB.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [SkippableFact]
    public async Task AFileAReplacedOnOneNodeIsServedNewByTheOtherNeverStale()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = a.Client();
        using var nodeB = b.Client();
        var first = Png(700_000, seed: 2);
        var second = Png(300_000, seed: 3);

        await PublicSite.ImportAsync(nodeA, PublicSite.Base, MediaRecipe("team/replaced.png", first));
        Assert.Equal(first, await nodeB.GetByteArrayAsync(PublicSite.Base + "/media/team/replaced.png"));
        await PublicSite.ImportAsync(nodeA, PublicSite.Base, MediaRecipe("team/replaced.png", second));

        Assert.Equal(second, await nodeB.GetByteArrayAsync(PublicSite.Base + "/media/team/replaced.png"));
        Assert.Equal(HttpStatusCode.NotFound, (await nodeB.GetAsync(PublicSite.Base + "/media/team/..%2F..%2Fteam%2Freplaced.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nodeB.GetAsync(PublicSite.Base + "/media/team/missing.png")).StatusCode);
    }

    /// <summary>A PNG by its signature, then made-up bytes: the upload check reads the first bytes only.</summary>
    [SkippableFact]
    public async Task MediaAnEarlierVersionKeptInANodesFolderMoveIntoTheSharedStoreAndNothingIsLost()
    {
        // An install upgraded from the version that kept media in each node's folder: node B's folder still holds files.
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = a.Client();
        Assert.Equal(HttpStatusCode.OK, (await nodeA.GetAsync(PublicSite.Base + "/")).StatusCode);
        var image = Png(600_000, seed: 3);
        var folder = Path.Combine(b.DataPath, "Sites", "riverbend", "Media");
        Directory.CreateDirectory(Path.Combine(folder, "old"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "old", "office.png"), image);

        // Node B starts and its first request activates the practice.
        using var nodeB = b.Client();
        Assert.Equal(HttpStatusCode.OK, (await nodeB.GetAsync(PublicSite.Base + "/")).StatusCode);

        using var fromA = await nodeA.GetAsync(PublicSite.Base + "/media/old/office.png");
        Assert.Equal(HttpStatusCode.OK, fromA.StatusCode);
        Assert.Equal(image, await fromA.Content.ReadAsByteArrayAsync());
        // The folder is kept under another name, so a second start does not read it again and nothing is deleted.
        Assert.False(Directory.Exists(folder));
        var kept = Assert.Single(Directory.GetDirectories(Path.Combine(b.DataPath, "Sites", "riverbend"), "Media.moved-*"));
        Assert.Equal(image, await File.ReadAllBytesAsync(Path.Combine(kept, "old", "office.png")));
    }

    // An image the upload decodes and keeps byte for byte.
    private static byte[] Png(int length, int seed) => NoisePng.Of(length, seed);

    private static string MediaRecipe(string path, byte[] content) => $$"""
        { "steps": [ { "name": "media", "Files": [ { "TargetPath": "{{path}}", "Base64": "{{Convert.ToBase64String(content)}}" } ] } ] }
        """;
}
