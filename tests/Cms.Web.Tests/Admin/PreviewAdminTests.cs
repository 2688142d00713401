using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Previewing a draft as the public site will render it, while the site keeps the published version.</summary>
public sealed class PreviewAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public PreviewAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ADraftPreviewsWithTheSiteTemplatesWhileTheSiteShowsThePublishedVersion()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var draft = PublicSite.ArticleRecipe("articlegrief00000000000001", "Grief Has No Timetable", "articles/grief-doesnt-follow-a-schedule", published: false)
            .Replace("Some words about", "A rewritten draft about", StringComparison.Ordinal);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, draft);

        var preview = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/articlegrief00000000000001/preview");
        var live = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/articles/grief-doesnt-follow-a-schedule");

        Assert.Equal("Grief Has No Timetable", preview.QuerySelector("main h1")!.TextContent);
        Assert.Contains("A rewritten draft about", preview.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector(".author-box"));
        Assert.Equal("Grief Doesn't Follow a Schedule", live.QuerySelector("main h1")!.TextContent);
        Assert.Equal(HttpStatusCode.Found, (await _factory.Client().GetAsync(AdminSite.Base + "/admin/content/articlegrief00000000000001/preview")).StatusCode);
    }
}
