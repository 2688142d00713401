using Cms.Core.Tests.Support;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Nodes;

/// <summary>Issue 14, item 12: on PostgreSQL an import's status page answers on every node, whichever node runs the import.</summary>
public sealed class ImportStatusAcrossNodesTests
{
    [SkippableFact]
    public async Task AnImportAppliedOnOneNodeIsFollowedOnAnother()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        var onA = await AdminSite.SignInAsync(a, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var onB = await AdminSite.SignInAsync(b, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        using var upload = await AdminSite.UploadRecipeAsync(onA, AdminSite.Base, NotesRecipe.Json(50));
        var pending = (await PublicSite.ParseAsync(await upload.Content.ReadAsStringAsync(), "/admin/import")).QuerySelector("input[name=pending]")!.GetAttribute("value")!;

        using var applied = await ImportStatusPage.ApplyAsync(onA, AdminSite.Base, pending);
        var finished = await ImportStatusPage.FinishedAsync(onB, applied.Headers.Location!.OriginalString);

        Assert.Contains("50 items imported", finished.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
