using System.Text.RegularExpressions;
using Cms.Admin.Editors;
using Cms.Data.Migrations.Tenant;
using Cms.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// The media page reads the current versions that name media through their partial index, not every row: SQLite uses
/// such an index only when the query states its condition in the same words, which nothing else would keep true.
/// </summary>
[Trait("Provider", "SqliteOnly")]
public sealed partial class MediaUsesQueryPlanTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public MediaUsesQueryPlanTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheMediaPagesQueryReadsTheIndexOfVersionsNamingMedia()
    {
        await _factory.Client().GetAsync("/riverbend/");
        await using var db = await PracticeStorage.OpenDbAsync(_factory, "riverbend");
        var (sql, parameters) = Split(MediaUses.Query(db).ToQueryString());

        await db.Database.OpenConnectionAsync();
        await using var explain = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value);
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.Contains(plan, step => step.Contains(TenantMediaNames.Index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal) && !step.Contains("INDEX", StringComparison.Ordinal));
    }

    // EF's SQLite query string: ".param set @name 'value'" lines, a blank line, then the query.
    private static (string Sql, List<(string Name, string Value)> Parameters) Split(string queryString)
    {
        var parameters = ParamLine().Matches(queryString).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal))).ToList();
        return (ParamLine().Replace(queryString, "").Trim(), parameters);
    }

    [GeneratedRegex(@"^\.param set (?<name>@\S+) '(?<value>(?:[^']|'')*)'\r?\n", RegexOptions.Multiline)]
    private static partial Regex ParamLine();
}
