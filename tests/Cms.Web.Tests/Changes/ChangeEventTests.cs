using System.Net;
using Cms.Content;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Changes;

/// <summary>
/// Issue 12, item 1: every path that changes what the public site shows raises exactly one change event, from the layer
/// that wrote it, naming the kinds and items it touched; and the public page shows the change.
/// </summary>
public sealed class ChangeEventTests : IClassFixture<CmsFactory>
{
    private const string Tenant = "riverbend";

    private readonly CmsFactory _factory;

    public ChangeEventTests(CmsFactory factory)
    {
        _factory = factory;

        // Started before any test takes its mark: the first run's own changes (the demo practice) come before it.
        _ = factory.Server;
    }

    [Fact]
    public async Task AnEditorDraftRaisesNothingAndItsPublishRaisesOneContentChangeForTheItem()
    {
        const string Id = "changeeditorarticle00001";
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Id, "Editor Before", "articles/change-editor", published: false));
        var editor = AdminSite.Base + "/admin/content/" + Id;

        var mark = _factory.Changes.Count;
        var drafted = await AdminSite.PostFormAsync(admin, editor, (await AdminSite.FormFieldsAsync(admin, editor)).With("TitlePart.Title", "Editor Draft").With("action", "draft"));
        Assert.Equal(HttpStatusCode.Found, drafted.StatusCode);
        Assert.Empty(_factory.Changes.Since(mark, Tenant));

        var published = await AdminSite.PostFormAsync(admin, editor, (await AdminSite.FormFieldsAsync(admin, editor)).With("TitlePart.Title", "Editor Published").With("action", "publish"));

        Assert.Equal(HttpStatusCode.Found, published.StatusCode);
        AssertOne(mark, ChangeKinds.Content, Id);
        Assert.Contains("Editor Published", (await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/articles/change-editor")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecipeImportRaisesOneContentChangeNamingEveryItemItWrote()
    {
        var mark = _factory.Changes.Count;

        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("changeimportarticle00001", "Imported Change", "articles/change-import", published: true));

        AssertOne(mark, ChangeKinds.Content, "changeimportarticle00001");
        Assert.Contains("Imported Change", (await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/articles/change-import")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduledPublishRaisesOneContentChangeForTheItem()
    {
        const string Id = "changescheduledarticle01";
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Id, "Scheduled Change", "articles/change-scheduled", published: false));
        var scheduler = _factory.Services.GetRequiredService<ScheduledPublishing>();
        await scheduler.ScheduleAsync(Tenant, Id, DateTimeOffset.UtcNow.AddMinutes(-1), "admin", default);
        var mark = _factory.Changes.Count;

        Assert.Equal(1, await scheduler.PublishDueAsync(default));

        AssertOne(mark, ChangeKinds.Content, Id);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/change-scheduled")).StatusCode);
    }

    [Fact]
    public async Task ReorderingASeriesRaisesOneContentChangeForThePartsThatMoved()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var parts = AdminSite.Base + "/admin/series/serieswhatyoushouldknow001/parts";
        var page = await PublicSite.PageAsync(admin, parts);
        var order = page.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-id")!).ToList();
        var mark = _factory.Changes.Count;

        var moved = await AdminSite.PostFormAsync(admin, parts, [new("article", order[1]), new("direction", "-1")], "Move");

        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        AssertOne(mark, ChangeKinds.Content, order[0], order[1]);
        var series = await PublicSite.PageAsync(_factory.Client(), PublicSite.Series);
        Assert.Equal(order[1], (await PublicSite.PageAsync(admin, parts)).QuerySelector("tbody tr")!.GetAttribute("data-id"));
        Assert.NotEmpty(series.QuerySelectorAll(".series-parts li > a"));
    }

    [Fact]
    public async Task ATemplateChangeRaisesOneTemplatesChange()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var mark = _factory.Changes.Count;

        var saved = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/not-found", [new("Source", "<h1>Changed not found</h1>"), new("PreviewPath", "/")], "Save");

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        AssertOne(mark, ChangeKinds.Templates);
        Assert.Equal("Changed not found", (await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/nowhere", HttpStatusCode.NotFound)).QuerySelector("h1")!.TextContent);
        await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/not-found", [new("Source", "")], "Reset");
    }

    [Fact]
    public async Task ASettingsChangeRaisesOneSettingsChange()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var settings = AdminSite.Base + "/admin/settings";
        var mark = _factory.Changes.Count;

        var saved = await AdminSite.PostFormAsync(admin, settings, (await AdminSite.FormFieldsAsync(admin, settings)).With("PracticeSettings.Phone", "(845) 555-0123"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        AssertOne(mark, ChangeKinds.Settings);
        Assert.Contains("(845) 555-0123", await _factory.Client().GetStringAsync(AdminSite.Base + "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeleteRaisesOneContentChangeForTheItem()
    {
        const string Id = "changedeletedarticle0001";
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Id, "Soon Deleted", "articles/change-deleted", published: true));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/change-deleted")).StatusCode);
        var mark = _factory.Changes.Count;

        var deleted = await AdminSite.PostFormAsync(admin, AdminSite.Base + $"/admin/content/{Id}/delete", []);

        Assert.Equal(HttpStatusCode.Found, deleted.StatusCode);
        AssertOne(mark, ChangeKinds.Content, Id);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/change-deleted")).StatusCode);
    }

    [Fact]
    public async Task DisablingAndEnablingAPracticeEachRaiseOneRegistryChange()
    {
        var tenants = _factory.Services.GetRequiredService<TenantManager>();
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/")).StatusCode);
        var mark = _factory.Changes.Count;

        Assert.True((await tenants.DisableAsync(Tenant, default)).Succeeded);

        AssertOne(mark, ChangeKinds.Registry);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _factory.Client().GetAsync(AdminSite.Base + "/")).StatusCode);
        mark = _factory.Changes.Count;
        Assert.True((await tenants.EnableAsync(Tenant, default)).Succeeded);
        AssertOne(mark, ChangeKinds.Registry);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/")).StatusCode);
    }

    private void AssertOne(int mark, ChangeKinds kinds, params string[] ids)
    {
        var change = Assert.Single(_factory.Changes.Since(mark, Tenant));
        Assert.Equal(kinds, change.Kinds);
        Assert.False(change.ManyItems);
        Assert.Equal(ids.Order(StringComparer.Ordinal), change.ItemIds.Order(StringComparer.Ordinal));
    }
}
