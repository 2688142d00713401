using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 11, item 1: two people saving one article at the same moment (as on two nodes). Both opened the same version,
/// so one save is kept and the other person is told someone else saved; neither is acknowledged and then lost.
/// </summary>
public sealed class ConcurrentEditTests : IClassFixture<CmsFactory>, IAsyncLifetime
{
    private const int Rounds = 6;
    private const string Password = "a-long-password-1";
    private const string Grief = AdminSite.Base + "/admin/content/articlegrief00000000000001";

    private readonly CmsFactory _factory;
    private HttpClient _first = null!;
    private HttpClient _second = null!;

    public ConcurrentEditTests(CmsFactory factory)
    {
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        _first = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(_first, "editor2", Password, "Editor");
        _second = await AdminSite.SignInAsync(_factory, "editor2", Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoPeopleSavingOneArticleAtTheSameMomentOneIsToldAndNoSaveIsLost()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            await SaveAtOnceAsync(_first, _second, round);
        }
    }

    /// <summary>
    /// Both clients open the grief article and save a title of their own at the same moment: exactly one save is
    /// acknowledged, the other person is told someone else saved, and the article holds the acknowledged title.
    /// </summary>
    internal static async Task SaveAtOnceAsync(HttpClient first, HttpClient second, int round)
    {
        var titles = new[] { $"Grief, round {round}, first editor", $"Grief, round {round}, second editor" };
        var forms = new[] { await FormAsync(first, titles[0]), await FormAsync(second, titles[1]) };
        var clients = new[] { first, second };

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            await go.Task;
            using var response = await clients[i].PostAsync(Grief, new FormUrlEncodedContent(forms[i]));
            return (response.StatusCode, Page: await response.Content.ReadAsStringAsync());
        })).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(posts);

        var saved = Enumerable.Range(0, 2).Where(i => answers[i].StatusCode == HttpStatusCode.Found).ToList();
        Assert.True(saved.Count == 1, $"Round {round}: {saved.Count} of the two saves acknowledged.");
        var told = answers[1 - saved[0]];
        Assert.Equal(HttpStatusCode.OK, told.StatusCode);
        Assert.Contains("Someone else saved this article after you opened it", told.Page, StringComparison.Ordinal);
        foreach (var client in clients)
        {
            var current = await client.GetStringAsync(Grief);
            Assert.Contains(titles[saved[0]], current, StringComparison.Ordinal);
            Assert.DoesNotContain(titles[1 - saved[0]], current, StringComparison.Ordinal);
        }
    }

    // The editor as a person opens it: the version it shows and the form's token, with a new title typed in.
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient client, string title)
    {
        var page = await PublicSite.PageAsync(client, Grief);
        return
        [
            new("OpenedVersion", page.QuerySelector("input[name=OpenedVersion]")!.GetAttribute("value")!),
            new("__RequestVerificationToken", page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("TitlePart.Title", title),
            new("AutoroutePart.Path", "articles/grief-doesnt-follow-a-schedule"),
            new("MarkdownBodyPart.Markdown", "Grief text."),
            new("Article.Authors", "counselordanawhitfield0001"),
            new("action", "draft"),
        ];
    }
}
