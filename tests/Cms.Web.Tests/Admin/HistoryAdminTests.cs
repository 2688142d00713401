using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Version history: what changed in each version, and restoring an old one as a draft.</summary>
public sealed class HistoryAdminTests : IClassFixture<CmsFactory>
{
    private const string Item = AdminSite.Base + "/admin/content/articleintrusivethoughts01";

    private readonly CmsFactory _factory;

    public HistoryAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task EachVersionShowsItsChangesAndAnOldOneComesBackAsADraft()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await SaveTitleAsync(admin, "Unwanted Thoughts, Second Title", "publish");
        await SaveTitleAsync(admin, "Unwanted Thoughts, Third Title", "draft");

        var history = await PublicSite.PageAsync(admin, Item + "/history");
        var versions = history.QuerySelectorAll("nav[aria-label=Versions] li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Contains(history.QuerySelectorAll(".diff-added"), l => l.TextContent.Contains("Third Title", StringComparison.Ordinal));
        Assert.Contains(history.QuerySelectorAll(".diff-removed"), l => l.TextContent.Contains("Second Title", StringComparison.Ordinal));

        var original = versions[^1];
        var first = await PublicSite.PageAsync(admin, Item + "/history" + original);
        Assert.Contains("Title", first.QuerySelectorAll(".changes dt").Select(dt => dt.TextContent));
        var restore = await AdminSite.PostFormAsync(admin, Item + "/history" + original, [new("version", original.Split('=')[1])], "Restore");

        Assert.Equal(HttpStatusCode.Found, restore.StatusCode);
        var editor = await PublicSite.PageAsync(admin, Item);
        Assert.Equal("When Unwanted Thoughts Won't Leave You Alone", editor.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));
        Assert.Equal("Published, with unpublished changes", editor.QuerySelector("[aria-label=Status]")!.TextContent);
        Assert.Contains("Second Title", await _factory.Client().GetStringAsync(AdminSite.Base + "/articles/when-unwanted-thoughts-wont-leave-you-alone"), StringComparison.Ordinal);
        Assert.Equal(4, (await PublicSite.PageAsync(admin, Item + "/history")).QuerySelectorAll("nav[aria-label=Versions] li").Length);
    }

    /// <summary>Issue 14, item 8: a change is listed under the field's label, not its technical name.</summary>
    [Fact]
    public async Task AChangeIsListedUnderTheFieldsLabel()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var item = await NewArticleAsync(admin, "historylabels000000000001", "Labels Of Changes");

        await SaveAsync(admin, item, fields => fields.With("Article.SensitiveTopic", "true"));

        var changes = await ChangesAsync(admin, item);
        Assert.DoesNotContain("SensitiveTopic", changes.TextContent, StringComparison.Ordinal);
        var change = Assert.Single(changes.QuerySelectorAll(".change"));
        Assert.Equal("Sensitive topic", Text(change.QuerySelector("dt")));
        Assert.Equal("No", Text(change.QuerySelector(".diff-removed")));
        Assert.Equal("Yes", Text(change.QuerySelector(".diff-added")));
    }

    /// <summary>Issue 14, item 8: fields that did not change are left out; those that did come in the editor's order.</summary>
    [Fact]
    public async Task UnchangedFieldsAreLeftOutAndChangedOnesComeInTheEditorsOrder()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var item = await NewArticleAsync(admin, "historyunchanged000000001", "Unchanged Fields");

        await SaveAsync(admin, item, fields => fields.With("Article.Excerpt", "A new excerpt.").With("TitlePart.Title", "Unchanged Fields, Renamed"));

        var changes = await ChangesAsync(admin, item);
        Assert.DoesNotContain("Some words about", changes.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("counselordanawhitfield0001", changes.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Title", "Excerpt"], changes.QuerySelectorAll("dt").Select(Text));
    }

    /// <summary>Issue 14, item 8: a picked item is shown by its title, not its id.</summary>
    [Fact]
    public async Task PickedItemsAreShownByTitleNotById()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var item = await NewArticleAsync(admin, "historytitles000000000001", "Titles Of Picked Items");

        await SaveAsync(admin, item, fields => fields.With("Article.Reviewer", Marcus));

        var changes = await ChangesAsync(admin, item);
        Assert.DoesNotContain(Marcus, changes.TextContent, StringComparison.Ordinal);
        var change = Assert.Single(changes.QuerySelectorAll(".change"));
        Assert.Equal("Clinically reviewed by", Text(change.QuerySelector("dt")));
        Assert.Equal("Marcus Bell", Text(change.QuerySelector(".diff-added")));
    }

    /// <summary>Issue 14, item 8: a body's change marks the words changed, not whole lines.</summary>
    [Fact]
    public async Task ABodysChangeMarksTheChangedWords()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var item = await NewArticleAsync(admin, "historywords0000000000001", "Words Of A Body");
        const string Before = "## Resting\n\nA quiet room helps you rest after a long day.\n\nBreathe slowly and count to four.";

        await SaveAsync(admin, item, fields => fields.With("MarkdownBodyPart.Markdown", Before));
        await SaveAsync(admin, item, fields => fields.With("MarkdownBodyPart.Markdown", Before.Replace("quiet", "calm", StringComparison.Ordinal)));

        var changes = await ChangesAsync(admin, item);
        Assert.Equal(["calm"], changes.QuerySelectorAll(".diff-added").Select(Text));
        Assert.Equal(["quiet"], changes.QuerySelectorAll(".diff-removed").Select(Text));
        var change = Assert.Single(changes.QuerySelectorAll(".change"));
        Assert.Equal("Body", Text(change.QuerySelector("dt")));
        Assert.Contains("room helps you rest", change.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Issue 14, item 8: a browser's line endings (\r\n) never show as "\r".</summary>
    [Fact]
    public async Task NoCarriageReturnShowsForABodyTypedInABrowser()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var item = await NewArticleAsync(admin, "historycarriage0000000001", "Carriage Returns");

        await SaveAsync(admin, item, fields => fields.With("MarkdownBodyPart.Markdown", "## Resting\r\n\r\nA quiet room.\r\n\r\nBreathe slowly."));

        var changes = await ChangesAsync(admin, item);
        Assert.DoesNotContain("\\r", changes.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", changes.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xD;", changes.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Breathe slowly", string.Concat(changes.QuerySelectorAll(".diff-added").Select(e => e.TextContent)), StringComparison.Ordinal);
    }

    private const string Marcus = "counselormarcusbell0000001";

    private static async Task<string> NewArticleAsync(HttpClient admin, string id, string title)
    {
        await PublicSite.ImportAsync(admin, AdminSite.Base, PublicSite.ArticleRecipe(id, title, "articles/" + id, published: true));
        var item = AdminSite.Base + "/admin/content/" + id;

        // A first save through the editor, so what the test changes next is the only difference from the version before.
        await SaveAsync(admin, item, fields => fields);
        return item;
    }

    private static async Task SaveAsync(HttpClient admin, string item, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>> change)
    {
        var fields = change(await AdminSite.FormFieldsAsync(admin, item)).With("action", "publish");
        var response = await AdminSite.PostFormAsync(admin, item, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
    }

    // The section showing the latest version's changes.
    private static async Task<AngleSharp.Dom.IElement> ChangesAsync(HttpClient admin, string item) =>
        (await PublicSite.PageAsync(admin, item + "/history")).QuerySelector("section[aria-labelledby=changes-title]")!;

    private static string Text(AngleSharp.Dom.IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task SaveTitleAsync(HttpClient admin, string title, string action)
    {
        var fields = (await AdminSite.FormFieldsAsync(admin, Item)).With("TitlePart.Title", title).With("action", action);
        var response = await AdminSite.PostFormAsync(admin, Item, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
    }
}
