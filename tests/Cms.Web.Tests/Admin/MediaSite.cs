using System.Net;
using Cms.Web.Tests.Practice;

namespace Cms.Web.Tests.Admin;

/// <summary>Drives the admin's media page (/admin/media) as a browser without JavaScript would.</summary>
internal static class MediaSite
{
    public const string Page = AdminSite.Base + "/admin/media";

    // The smallest PNG there is (1×1), enough for the upload's signature check.
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Uploads the files in one request, as the page's multiple file input sends them.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, params (string Name, byte[] Bytes)[] files)
    {
        using var form = await FormAsync(admin);
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "files", name);
        }

        return await admin.PostAsync(Page + "?handler=Upload", form);
    }

    /// <summary>Puts the file's content in place of the library's file at the path.</summary>
    public static async Task<HttpResponseMessage> ReplaceAsync(HttpClient admin, string path, string name, byte[] bytes)
    {
        using var form = await FormAsync(admin);
        form.Add(new StringContent(path), "path");
        form.Add(new ByteArrayContent(bytes), "file", name);
        return await admin.PostAsync(Page + "?handler=Replace", form);
    }

    /// <summary>Confirms the deletion of the file at the path (the form the confirmation shows).</summary>
    public static Task<HttpResponseMessage> DeleteAsync(HttpClient admin, string path) =>
        AdminSite.PostFormAsync(admin, Page, [new("path", path)], "Delete");

    /// <summary>The paths of the files the page lists at this address (a search, a filter).</summary>
    public static async Task<IReadOnlyList<string>> PathsAsync(HttpClient admin, string query) =>
        (await PublicSite.PageAsync(admin, Page + query)).QuerySelectorAll(".media-card").Select(c => c.GetAttribute("data-path")!).ToList();

    /// <summary>Uploads one file and returns the path the library gave it.</summary>
    public static async Task<string> UploadOneAsync(HttpClient admin, string name, byte[]? bytes = null)
    {
        using var response = await UploadAsync(admin, (name, bytes ?? Png));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return Assert.Single(await PathsAsync(admin, "?q=" + Uri.EscapeDataString(Path.GetFileNameWithoutExtension(name))));
    }

    private static async Task<MultipartFormDataContent> FormAsync(HttpClient admin) =>
        new() { { new StringContent(await AdminSite.AntiforgeryTokenAsync(admin, Page)), "__RequestVerificationToken" } };
}
