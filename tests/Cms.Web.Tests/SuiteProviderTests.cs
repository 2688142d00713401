using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Web.Tests;

/// <summary>
/// Issue 11, item 6: the suite's PostgreSQL run (CMS_TEST_PROVIDER=Postgres) really puts a test host on PostgreSQL, in
/// a database of its own that a restart at the same folder finds again and that is gone when the test is done.
/// </summary>
public sealed class SuiteProviderTests
{
    [Fact]
    public async Task AHostRunsOnTheSuitesProviderInADatabaseOfItsOwn()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-web-tests", Guid.NewGuid().ToString("N"));
        string? database;
        try
        {
            using (var first = CmsFactory.At(dataPath))
            using (var other = new CmsFactory())
            {
                var storage = first.Services.GetRequiredService<CmsDatabase>();
                Assert.Equal(PostgresRun.IsOn ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, storage.Provider);
                database = storage.SharedConnectionString;
                if (database is not null)
                {
                    Assert.NotEqual(database, other.Services.GetRequiredService<CmsDatabase>().SharedConnectionString);
                }
            }

            using var again = CmsFactory.At(dataPath);
            Assert.Equal(database, again.Services.GetRequiredService<CmsDatabase>().SharedConnectionString);
        }
        finally
        {
            CmsFactory.DeleteData(dataPath);
        }

        if (database is not null)
        {
            Assert.False(await ExistsAsync(new NpgsqlConnectionStringBuilder(database).Database!), "The test host's database is still there after the test.");
        }
    }

    private static async Task<bool> ExistsAsync(string name)
    {
        await using var server = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable));
        await server.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", server);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
