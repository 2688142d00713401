using System.Net;
using Cms.Recipes.Background;
using Cms.Recipes.Execution;
using Cms.Tenancy;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// An import whose node stopped without saying so (killed, its machine gone) rolled back with it; its status page must
/// say so instead of "Applying" and reloading itself for ever. A node running an import saves its status every second.
/// </summary>
public sealed class ImportStatusOfAStoppedNodeTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public ImportStatusOfAStoppedNodeTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ARunningImportNotHeardOfForAMinuteIsShownAsStoppedWithNothingChanged()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var silentFor = RecipeImportStatus.Silence + TimeSpan.FromSeconds(30);
        var stopped = await SaveRunningAsync(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow - silentFor);
        var heard = await SaveRunningAsync(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);

        var stoppedPage = await PublicSite.PageAsync(admin, stopped);
        var heardPage = await PublicSite.PageAsync(admin, heard);

        Assert.Null(stoppedPage.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Contains("was not imported", stoppedPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(RecipeImportStatus.ServerStopped, stoppedPage.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(heardPage.QuerySelector("meta[http-equiv=refresh]"));
        Assert.StartsWith("Applying", heardPage.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Started \d{4}-\d\d-\d\d \d\d:\d\d \(", heardPage.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task StatusesAreKeptForAWeekAfterTheirImportWasLastHeardOf()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var week = TimeSpan.FromDays(7);
        var finishedLongAgo = await SaveAsync(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow - week - TimeSpan.FromHours(1), finished: true);
        var stoppedLongAgo = await SaveAsync(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow - week - TimeSpan.FromHours(1), finished: false);
        var finishedLately = await SaveAsync(Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow - week + TimeSpan.FromHours(1), finished: true);

        await _factory.Services.GetRequiredService<RecipeImportStatuses>().PruneAsync(await RiverbendAsync(), default);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(finishedLongAgo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(stoppedLongAgo)).StatusCode);
        Assert.Contains("Imported big.recipe.json", (await PublicSite.PageAsync(admin, finishedLately)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    private Task<string> SaveRunningAsync(string id, DateTimeOffset updated) => SaveAsync(id, updated, finished: false);

    /// <summary>
    /// The status a node saved of an import, last at the time given: half-way through its apply, or applied then.
    /// Its status page's address.
    /// </summary>
    private async Task<string> SaveAsync(string id, DateTimeOffset updated, bool finished)
    {
        var status = RecipeImportStatus.Started(id, "big.recipe.json", updated - TimeSpan.FromMinutes(2)) with
        {
            Phase = RecipeProgressPhase.Applying,
            Done = 500,
            Total = 1000,
            UpdatedUtc = updated,
        };
        if (finished)
        {
            status = status with { State = RecipeImportState.Applied, Done = 1000, FinishedUtc = updated };
        }

        await _factory.Services.GetRequiredService<RecipeImportStatuses>().SaveAsync(await RiverbendAsync(), status, default);
        return AdminSite.Base + "/admin/import/status/" + id;
    }

    private async Task<TenantSettings> RiverbendAsync() =>
        (await _factory.Services.GetRequiredService<TenantManager>().FindAsync("riverbend", default))!;
}
