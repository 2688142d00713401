using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Cms.Content;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Practice.Views;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Tenancy;
using Cms.Web.Cli;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 4: removing a practice removes everything it had (rows, media, view counts, pending uploads,
/// scheduled publications) on SQLite and PostgreSQL, so a new practice of the same name starts from nothing.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class TenantRemovalTests
{
    private const string Password = "oak-password-1";
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";
    private const string Article1 = "/oak/articles/what-you-should-know-about-therapy-part-1";
    private const string Article2 = "/oak/articles/what-you-should-know-about-therapy-part-2";
    private const string Draft = "oakdraft0000000000000001";

    // The smallest PNG there is (1×1), enough for the upload's signature check.
    private static readonly byte[] s_png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite, false)]
    [InlineData(DatabaseProvider.Postgres, false)]
    [InlineData(DatabaseProvider.Postgres, true)]
    public async Task ANewPracticeOfTheSameNameSeesNothingOfTheRemovedOne(DatabaseProvider provider, bool splitRoles)
    {
        await using var postgres = provider == DatabaseProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        using var factory = postgres is null ? CmsFactory.OnSqlite()
            : splitRoles ? CmsFactory.OnPostgres(postgres.ConnectionStringAs(PostgresTestDatabase.RuntimeRoleVariable), postgres.ConnectionString)
            : CmsFactory.OnPostgres(postgres.ConnectionString);
        var counter = factory.Services.GetRequiredService<ViewCounter>();
        var scheduler = factory.Services.GetRequiredService<ScheduledPublishing>();

        // The old practice: content and media from the sample recipe, an image uploaded in the editor, view counts
        // written and not yet written, a recipe upload waiting to be applied, a draft scheduled to be published.
        await CreateOakAsync(factory, withSampleContent: true);
        var admin = await AdminSite.SignInAsync(factory, "oak-admin", Password, "/oak");
        var saved = await AdminSite.PostWithUploadAsync(admin, "/oak/admin/content/counselordanawhitfield0001", "Counselor.Photo.Upload", "Oak Photo.png", s_png);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var uploaded = "/oak/media/" + Assert.Single((await LibraryAsync(admin)).Files, f => f.Name.StartsWith("oak-photo-", StringComparison.Ordinal)).Path;
        Assert.Equal(s_png, await factory.Client().GetByteArrayAsync(uploaded));
        await PublicSite.ViewsAsync(factory.Client(), Article1, Browser + " first");
        await counter.FlushAsync(default);
        await PublicSite.ViewsAsync(factory.Client(), Article2, Browser + " second");
        var check = await PublicSite.ParseAsync(await (await AdminSite.UploadRecipeAsync(admin, "/oak", PublicSite.ArticleRecipe("oakwaiting00000000000001", "Waiting", "articles/waiting", published: true))).Content.ReadAsStringAsync(), "/oak/admin/import");
        var pending = check.QuerySelector("input[name=pending]")!.GetAttribute("value")!;
        await PublicSite.ImportAsync(factory.Client(), "/oak", PublicSite.ArticleRecipe(Draft, "A Draft", "articles/a-draft", published: false));
        await scheduler.ScheduleAsync("oak", Draft, DateTimeOffset.UtcNow.AddDays(2), "oak-admin", default);
        using var signedOut = await AdminSite.SignOutAsync(await AdminSite.SignInAsync(factory, "oak-admin", Password, "/oak"), "/oak");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var before = await TenantRowsAsync(factory, postgres, "oak");
        Assert.NotEmpty(before);
        Assert.All(before, table => Assert.True(table.Value > 0, $"Table {table.Key} held no row of oak before the removal: make this test put one there, so it can prove the removal takes it."));
        // On PostgreSQL the media are rows (counted above) and this node's copies of those it served.
        Assert.True(Directory.Exists(Path.Combine(factory.DataPath, "Sites", "oak", provider == DatabaseProvider.Sqlite ? "Media" : "MediaCache")));

        // Removed as the operator did: from the command line, beside the running host.
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CmsCli.RunAsync(["tenants", "remove", "oak", "--yes"], factory.Settings, output, error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("Removed practice 'oak' and its data", output.ToString(), StringComparison.Ordinal);

        // Nothing of it is left: no row in any table keyed by tenant, no file.
        var after = await TenantRowsAsync(factory, postgres, "oak");
        Assert.All(after, table => Assert.True(table.Value == 0, $"Table {table.Key} still holds {table.Value} rows of the removed practice."));
        Assert.Contains(after.Keys, key => key.StartsWith("ScheduledPublications.", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "Sites", "oak")), "The removed practice's folder (media, uploads) is still there.");
        Assert.Null(await factory.Services.GetRequiredService<TenantManager>().FindAsync("oak", default));
        Assert.Equal(HttpStatusCode.NotFound, await EventuallyAsync(factory, "/oak/", HttpStatusCode.NotFound));

        // A new practice of the same name starts empty.
        await CreateOakAsync(factory, withSampleContent: false);
        var home = await factory.Client().GetStringAsync("/oak/");
        Assert.Contains("No articles have been published yet.", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync(Article1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync(uploaded)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync("/oak/media/counselors/dana-whitfield.png")).StatusCode);
        var newAdmin = await AdminSite.SignInAsync(factory, "oak-admin", Password, "/oak");
        Assert.Empty((await LibraryAsync(newAdmin)).Files);
        Assert.DoesNotContain("Dana Whitfield", await newAdmin.GetStringAsync("/oak/admin/content"), StringComparison.Ordinal);
        var apply = await AdminSite.PostFormAsync(newAdmin, "/oak/admin/import", [new("pending", pending), new("fileName", "test.recipe.json")], "Apply");
        Assert.Contains("no longer waiting", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await scheduler.FindAsync("oak", Draft, default));

        // Even with the same content again (same item ids), the old practice's counts do not come back, not even the
        // views the host had counted and not yet written when the practice was removed.
        await ImportSampleAsync(factory);
        await counter.FlushAsync(default);
        Assert.Equal("0 views", await PublicSite.ViewsAsync(factory.Client(), Article1, "curl/8.5.0"));
        Assert.Equal("0 views", await PublicSite.ViewsAsync(factory.Client(), Article2, "curl/8.5.0"));
        Assert.All(await TenantRowsAsync(factory, postgres, "oak"), table =>
            Assert.False(table.Key.StartsWith("ViewCounts.", StringComparison.Ordinal) && table.Value > 0, "The new practice got the old one's view counts."));
    }

    private static async Task CreateOakAsync(CmsFactory factory, bool withSampleContent)
    {
        var created = await factory.Services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = "oak", Prefix = "oak", Hosts = ["oak.example.com"], RecipeName = "practice", AdminUserName = "oak-admin", AdminPassword = Password }, default);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        if (withSampleContent)
        {
            await ImportSampleAsync(factory);
        }
    }

    private static async Task ImportSampleAsync(CmsFactory factory)
    {
        var sample = factory.Services.GetRequiredService<RecipeCatalog>().Find("practice-sample")!;
        var imported = await factory.Services.GetRequiredService<TenantRecipes>().ImportAsync("oak", RecipeSource.FromFile(sample.FilePath), new RecipeOptions(), default);
        Assert.True(imported is { Applied: true }, string.Join(" ", imported?.Errors.Select(e => e.ToString()) ?? []));
    }

    /// <summary>
    /// Rows of the tenant in every table with a column named like a tenant key, found in the database's own catalog
    /// (so a table added later is counted without changing this test): "Table.Column" and how many rows.
    /// </summary>
    private static async Task<Dictionary<string, long>> TenantRowsAsync(CmsFactory factory, PostgresTestDatabase? postgres, string tenant)
    {
        var counts = new Dictionary<string, long>();
        if (postgres is not null)
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            // Row-level security shows a tenant's rows only to a connection that names it.
            await ScalarAsync(connection, $"SELECT set_config('cms.tenant', '{tenant}', false)");
            await CountAsync(connection, """
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name ILIKE '%tenant%'
                """, tenant, counts);
            return counts;
        }

        foreach (var file in new[] { Path.Combine(factory.DataPath, "host.db"), Path.Combine(factory.DataPath, "Sites", tenant, "cms.db") }.Where(File.Exists))
        {
            await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await CountAsync(connection, """
                SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND p.name LIKE '%tenant%'
                """, tenant, counts);
        }

        return counts;
    }

    private static async Task CountAsync(DbConnection connection, string catalogQuery, string tenant, Dictionary<string, long> counts)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = catalogQuery;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in columns)
        {
            var key = $"{table}.{column}";
            counts[key] = counts.GetValueOrDefault(key) + Convert.ToInt64(await ScalarAsync(connection, $"""SELECT count(*) FROM "{table}" WHERE lower(CAST("{column}" AS TEXT)) = '{tenant}'"""), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<Library> LibraryAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<Library>("/oak/admin/media/library"))!;

    // The host learns of the CLI's change through its registry poll (100 ms in tests).
    private static Task<HttpStatusCode> EventuallyAsync(CmsFactory factory, string path, HttpStatusCode wanted) =>
        Eventually.StatusAsync(factory.Client(), path, wanted);

    private sealed record Library(List<LibraryFile> Files);

    private sealed record LibraryFile(string Path, string Name);
}
