using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 7: an upload over the size limit is answered with the limit (it was an empty 400), and a full disk with
/// a page that says so (it was an empty 500), nothing saved. On Kestrel, whose request limits are the ones that bite.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed partial class UploadLimitAndFullDiskTests : IAsyncLifetime, IDisposable
{
    private readonly CmsFactory _factory = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "localhost", StringComparison.Ordinal).Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        _admin = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(address) };
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(_admin, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword)).StatusCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _admin?.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task AnUploadOverTheRequestLimitIsAnsweredWithTheLimitAndSavesNothing()
    {
        var editor = AdminSite.Base + "/admin/content/counselordanawhitfield0001";
        var before = await _admin.GetStringAsync(editor);

        using var response = await PostEditorAsync(editor, "Dana Whitfield (renamed)", ("Counselor.Photo.Upload", "huge.jpg", new byte[40 * 1024 * 1024]));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 32 MB", page, StringComparison.Ordinal);
        Assert.Contains("40.0 MB", page, StringComparison.Ordinal);
        Assert.DoesNotContain("(renamed)", await _admin.GetStringAsync(editor), StringComparison.Ordinal);
        Assert.Contains("Dana Whitfield", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointThatDeclaresABiggerLimitTakesMoreThanTheDefault()
    {
        // 40 MB of a recipe (steps with white space between them) to the recipe API, which takes up to 512 MB.
        var step = """{ "name": "settings", "SiteName": "Riverbend Counseling" }""" + new string(' ', 1024 * 1024);
        var recipe = """{ "name": "padded", "steps": [ """ + string.Join(",", Enumerable.Repeat(step, 40)) + "] }";
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminSite.Base + "/api/recipes?dryRun=true") { Content = new StringContent(recipe, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);

        using var client = new HttpClient { BaseAddress = _admin.BaseAddress };
        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    // SQLite only: the disk that fills up is the practice's folder, where its cms.db is; on PostgreSQL the content is
    // written to the server, not to that folder.
    [SkippableFact]
    [Trait("Provider", "SqliteOnly")]
    public async Task AFullDiskIsAnsweredWithAPageThatSaysSoAndNothingIsSaved()
    {
        // A real full disk: the practice's folder on a filesystem of 4 MB, filled up once the practice is set up.
        var folder = Path.Combine(_factory.DataPath, "Sites", "fullpractice");
        Directory.CreateDirectory(folder);
        Skip.IfNot(Mount(folder), "Mounting a small tmpfs needs root (CI runs as root).");
        try
        {
            var created = await _factory.Services.GetRequiredService<TenantManager>().CreateAsync(
                new CreateTenantRequest { Name = "fullpractice", Prefix = "fullpractice", RecipeName = "practice", AdminUserName = "dana", AdminPassword = "a-long-password-1" }, default);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
            var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _admin.BaseAddress };
            Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(client, "/fullpractice", "dana", "a-long-password-1")).StatusCode);
            const string NewSeries = "/fullpractice/admin/content/new/Series";
            var form = await client.GetStringAsync(NewSeries);
            var fields = AdminSite.FormFields(await Practice.PublicSite.ParseAsync(form, NewSeries))
                .With("TitlePart.Title", "Written on a full disk").With("action", "draft")
                .With("__RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value));
            // Pooled connections closed first, as after a quiet spell: SQLite then removes its write-ahead log and shared
            // memory files and must create them again on the full disk, which it reports as an I/O error, not as "full".
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Fill(folder);

            using var response = await client.PostAsync(NewSeries, new FormUrlEncodedContent(fields));
            var page = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)response.StatusCode}: {page[..Math.Min(page.Length, 2000)]}");
            Assert.Contains("disk", page, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("nothing was saved", page, StringComparison.OrdinalIgnoreCase);
            File.Delete(Path.Combine(folder, "filler"));
            Assert.DoesNotContain("Written on a full disk", await client.GetStringAsync("/fullpractice/admin/content"), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Run("umount", "-l", folder);
        }
    }

    private async Task<HttpResponseMessage> PostEditorAsync(string path, string title, (string Field, string Name, byte[] Bytes) file)
    {
        var token = WebUtility.HtmlDecode(Token().Match(await _admin.GetStringAsync(path)).Groups[1].Value);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in (await AdminSite.FormFieldsAsync(_admin, path)).With("action", "draft").With("TitlePart.Title", title).With("__RequestVerificationToken", token))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(file.Bytes), file.Field, file.Name);
        return await _admin.PostAsync(path, form);
    }

    private static bool Mount(string folder) => OperatingSystem.IsLinux() && Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder);

    // Takes every byte left, so the next write of any size fails with "No space left on device".
    private static void Fill(string folder)
    {
        using var filler = File.Create(Path.Combine(folder, "filler"));
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    private static bool Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
