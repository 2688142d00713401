using Cms.Core.Tests.Support;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>Issue 12, item 4: the page's body read is compiled once per database model, so hosts on SQLite and on PostgreSQL in one process both render pages.</summary>
public sealed class BodyReadOnBothProvidersTests
{
    [SkippableFact]
    public async Task AnArticleRendersOnSqliteAndThenOnPostgresInOneProcess()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var onSqlite = CmsFactory.OnSqlite();
        using var onPostgres = CmsFactory.OnPostgres(postgres.ConnectionString);

        var fromSqlite = await PublicSite.PageAsync(onSqlite.Client(), PublicSite.Article1);
        var fromPostgres = await PublicSite.PageAsync(onPostgres.Client(), PublicSite.Article1);

        Assert.Equal(fromSqlite.QuerySelector("article")?.TextContent, fromPostgres.QuerySelector("article")?.TextContent);
        Assert.Contains("therapy", fromPostgres.QuerySelector("article")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
