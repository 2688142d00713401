using System.Net;
using Cms.Core.Tests.Support;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11, items 3 and 6: a recipe checked on the Import page waits in the shared database on PostgreSQL, so the
/// Apply or Cancel that follows may reach any node behind the load balancer.
/// </summary>
public sealed class HeldRecipeUploadTests
{
    private const string Path = "articles/checked-on-one-node";

    [SkippableFact]
    public async Task ARecipeCheckedOnOneNodeIsAppliedOnAnotherAndOnlyOnce()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        var onA = await AdminSite.SignInAsync(a, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var onB = await AdminSite.SignInAsync(b, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var pending = await CheckAsync(onA, PublicSite.ArticleRecipe("checkedononenode00000001", "Checked On One Node", Path, published: true));

        var applied = await AdminSite.PostFormAsync(onB, AdminSite.Base + "/admin/import", [new("pending", pending), new("fileName", "test.recipe.json")], "Apply");

        Assert.Contains("Applied", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await b.Client().GetAsync($"{AdminSite.Base}/{Path}")).StatusCode);
        var again = await AdminSite.PostFormAsync(onA, AdminSite.Base + "/admin/import", [new("pending", pending)], "Apply");
        Assert.Contains("no longer waiting", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ARecipeCheckedOnOneNodeAndCancelledOnAnotherIsGoneFromBoth()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        var onA = await AdminSite.SignInAsync(a, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var onB = await AdminSite.SignInAsync(b, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var pending = await CheckAsync(onA, PublicSite.ArticleRecipe("checkedononenode00000001", "Checked On One Node", Path, published: true));

        var cancelled = await AdminSite.PostFormAsync(onB, AdminSite.Base + "/admin/import", [new("pending", pending)], "Cancel");

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var apply = await AdminSite.PostFormAsync(onA, AdminSite.Base + "/admin/import", [new("pending", pending), new("fileName", "test.recipe.json")], "Apply");
        Assert.Contains("no longer waiting", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await a.Client().GetAsync($"{AdminSite.Base}/{Path}")).StatusCode);
    }

    private static async Task<string> CheckAsync(HttpClient admin, string recipe)
    {
        using var response = await AdminSite.UploadRecipeAsync(admin, AdminSite.Base, recipe);
        var check = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/import");
        Assert.Contains("ready to import", check.QuerySelector("#report-title")!.TextContent, StringComparison.Ordinal);
        return check.QuerySelector("input[name=pending]")!.GetAttribute("value")!;
    }
}
