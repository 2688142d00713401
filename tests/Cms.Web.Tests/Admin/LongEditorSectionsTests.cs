using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 5: a long editor (a counselor's profile, one column of 5,500 px on a phone) shows its parts in
/// sections with a jump list at the top; a short one (a page) stays one plain form.
/// </summary>
public sealed class LongEditorSectionsTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public LongEditorSectionsTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ACounselorsEditorJumpsToEachOfItsPartsAndAPagesEditorHasNoJumpList()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var counselor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/counselordanawhitfield0001");
        var jumps = counselor.QuerySelectorAll("nav.jump-list a").Select(a => (a.TextContent, a.GetAttribute("href")!)).ToList();

        Assert.Equal(["Title", "Web address", "Details", "Memberships", "Bio", "Search engines"], jumps.Select(j => j.TextContent));
        foreach (var (text, href) in jumps)
        {
            var section = counselor.QuerySelector(href);
            Assert.True(section is { LocalName: "section" }, $"{text} jumps to {href}, which is not a section of the form");
            Assert.StartsWith(text, (section!.QuerySelector("h2") ?? section.QuerySelector("label, legend"))!.TextContent.Trim(), StringComparison.Ordinal);
            Assert.NotEmpty(section.QuerySelectorAll(".field, fieldset"));
        }

        Assert.NotNull(counselor.QuerySelector("#section-Counselor [name='Counselor.LicenseNumber']"));
        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/pagecontact000000000000001");
        Assert.Null(page.QuerySelector("nav.jump-list"));
        Assert.Empty(page.QuerySelectorAll("section.editor-section"));
    }
}
