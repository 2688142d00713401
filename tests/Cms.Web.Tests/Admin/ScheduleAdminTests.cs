using System.Globalization;
using System.Net;
using Cms.Content;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Admin;

/// <summary>Scheduling a draft to be published later, in the site's time zone.</summary>
public sealed class ScheduleAdminTests : IClassFixture<CmsFactory>
{
    private const string Editor = AdminSite.Base + "/admin/content/articlesleep00000000000001";

    private readonly CmsFactory _factory;

    public ScheduleAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AScheduledDraftIsPublishedWhenItsTimeComesAndOnlyOnce()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("articlesleep00000000000001", "Sleep When You Worry", "articles/sleep-when-you-worry", published: false));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(2), zone);

        var scheduled = await AdminSite.PostFormAsync(admin, Editor, await FieldsAsync(admin, local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));

        Assert.Equal(HttpStatusCode.Found, scheduled.StatusCode);
        var status = (await PublicSite.PageAsync(admin, Editor)).QuerySelector("[aria-label=Status]")!.TextContent;
        Assert.Equal($"Scheduled for {local:MMM d, yyyy HH:mm} (America/New_York)", status);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/sleep-when-you-worry")).StatusCode);

        // Its time comes (moved into the past here rather than waiting two days).
        var scheduler = _factory.Services.GetRequiredService<ScheduledPublishing>();
        await scheduler.ScheduleAsync("riverbend", "articlesleep00000000000001", DateTimeOffset.UtcNow.AddMinutes(-1), "admin", default);
        Assert.Equal(1, await scheduler.PublishDueAsync(default));
        Assert.Equal(0, await scheduler.PublishDueAsync(default));

        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/sleep-when-you-worry")).StatusCode);
        Assert.Equal("Published", (await PublicSite.PageAsync(admin, Editor)).QuerySelector("[aria-label=Status]")!.TextContent);
    }

    [Fact]
    public async Task ATimeInThePastIsRefused()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("articlesleep00000000000001", "Sleep When You Worry", "articles/sleep-when-you-worry", published: false));

        var response = await AdminSite.PostFormAsync(admin, Editor, await FieldsAsync(admin, "2020-01-01T09:00"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("has passed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<KeyValuePair<string, string>>> FieldsAsync(HttpClient admin, string when)
    {
        var page = await PublicSite.PageAsync(admin, Editor);
        return
        [
            new("OpenedVersion", page.QuerySelector("input[name=OpenedVersion]")!.GetAttribute("value")!),
            new("TitlePart.Title", "Sleep When You Worry"),
            new("AutoroutePart.Path", "articles/sleep-when-you-worry"),
            new("MarkdownBodyPart.Markdown", "Some words."),
            new("Article.Authors", "counselordanawhitfield0001"),
            new("ScheduleAt", when),
            new("action", "schedule"),
        ];
    }
}
