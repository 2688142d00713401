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

        var applied = await ImportStatusPage.ApplyAndWaitAsync(onB, AdminSite.Base, pending);

        Assert.Contains("Applied", applied, StringComparison.Ordinal);
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

    [SkippableFact]
    public async Task TwoAppliesOfOneRecipeAtOnceOnTwoNodesApplyItOnce()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        var onA = await AdminSite.SignInAsync(a, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var onB = await AdminSite.SignInAsync(b, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var pending = await CheckAsync(onA, PublicSite.ArticleRecipe("checkedononenode00000001", "Checked On One Node", Path, published: true));
        // Each node's form token first, so both posts leave at the same moment.
        var tokens = new[] { await AdminSite.AntiforgeryTokenAsync(onA, AdminSite.Base + "/admin/import"), await AdminSite.AntiforgeryTokenAsync(onB, AdminSite.Base + "/admin/import") };
        var clients = new[] { onA, onB };

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            using var response = await clients[i].PostAsync(AdminSite.Base + "/admin/import?handler=Apply", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["pending"] = pending,
                ["fileName"] = "test.recipe.json",
                ["__RequestVerificationToken"] = tokens[i],
            }));
            return response.StatusCode == HttpStatusCode.Redirect
                ? (await ImportStatusPage.FinishedAsync(clients[i], response.Headers.Location!.OriginalString)).Body!.TextContent
                : await response.Content.ReadAsStringAsync();
        }));

        Assert.Equal(1, answers.Count(page => page.Contains("Applied", StringComparison.Ordinal)));
        Assert.Equal(1, answers.Count(page => page.Contains("no longer waiting", StringComparison.Ordinal)));
    }

    private static async Task<string> CheckAsync(HttpClient admin, string recipe)
    {
        using var response = await AdminSite.UploadRecipeAsync(admin, AdminSite.Base, recipe);
        var check = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/import");
        Assert.Contains("ready to import", check.QuerySelector("#report-title")!.TextContent, StringComparison.Ordinal);
        return check.QuerySelector("input[name=pending]")!.GetAttribute("value")!;
    }
}
