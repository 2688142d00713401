using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cms.Web.Tests;

/// <summary>
/// An import in a process of its own (the CLI): killed half-way it leaves the practice exactly as it was, and while it
/// runs, the server's imports into the practice that may not wait (the admin's) are refused at once.
/// </summary>
public sealed class KilledImportTests
{
    private const int Items = 40_000;

    [Fact]
    public async Task AKilledImportChangesNothing()
    {
        var (dataPath, recipe, database, writtenBefore) = await PracticeAndRecipeAsync();
        try
        {

            using var import = Start(dataPath, "recipes", "import", "--tenant", "victim", recipe);
            var killedWhileWriting = false;
            while (!import.HasExited)
            {
                // The second pass writes inside one transaction; once its pages reach the disk, stop the process hard.
                if (await WrittenAsync(dataPath, database) > writtenBefore + (2 << 20))
                {
                    import.Kill(entireProcessTree: true);
                    killedWhileWriting = true;
                    break;
                }

                await Task.Delay(5);
            }

            await import.WaitForExitAsync();
            Assert.True(killedWhileWriting, "the import finished before it could be killed; make the recipe larger");
            Assert.Equal(0L, await CountAsync(dataPath, database, "SELECT count(*) FROM \"ContentItems\""));
            Assert.Equal(0L, await CountAsync(dataPath, database, "SELECT count(*) FROM \"Documents\" WHERE \"Key\" = 'content-definitions'"));
        }
        finally
        {
            CmsFactory.DeleteData(dataPath);
        }
    }

    [Fact]
    public async Task AnImportThatMayNotWaitIsRefusedWhileTheCliImports()
    {
        var (dataPath, recipe, database, writtenBefore) = await PracticeAndRecipeAsync();
        try
        {
            await using var server = CmsFactory.At(dataPath);
            var recipes = server.Services.GetRequiredService<TenantRecipes>();
            var small = new RecipeSource("small.recipe.json", () => new MemoryStream(Encoding.UTF8.GetBytes("""{ "steps": [] }""")), null);

            using var import = Start(dataPath, "recipes", "import", "--tenant", "victim", recipe);
            while (!import.HasExited && await WrittenAsync(dataPath, database) < writtenBefore + (1 << 20))
            {
                await Task.Delay(5);
            }

            Assert.False(import.HasExited, "the CLI's import finished before the server tried; make the recipe larger");
            var refused = await recipes.ImportAsync("victim", small, new RecipeOptions { RefuseWhileImporting = true }, default);
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync();

            // On PostgreSQL the killed client's server process holds the mark until it has noticed and rolled back; on
            // SQLite the system lets go of the file's lock with the process.
            var afterwards = await Eventually.AnswerAsync(
                () => recipes.ImportAsync("victim", small, new RecipeOptions { RefuseWhileImporting = true }, default),
                result => result is { Applied: true } || !server.IsOnPostgres);

            Assert.Equal(RecipeExecutor.AnotherImportRuns, Assert.Single(refused!.Errors).Message);
            Assert.True(afterwards!.Applied, string.Join("\n", afterwards.Errors));
        }
        finally
        {
            CmsFactory.DeleteData(dataPath);
        }
    }

    /// <summary>A practice made by the CLI, the large recipe to import into it, its database, and how much it holds on disk.</summary>
    private static async Task<(string DataPath, string Recipe, string Database, long WrittenBefore)> PracticeAndRecipeAsync()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-kill-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        Assert.Equal(0, await RunAsync(dataPath, "tenants", "create", "--name", "victim", "--prefix", "victim"));
        var recipe = Path.Combine(dataPath, "big.recipe.json");
        await WriteRecipeAsync(recipe);
        var database = Path.Combine(dataPath, "Sites", "victim", "cms.db");
        return (dataPath, recipe, database, await WrittenAsync(dataPath, database));
    }

    /// <summary>How much is on disk: SQLite's write-ahead log, or the PostgreSQL database (its tables grow with rows not yet committed).</summary>
    private static async Task<long> WrittenAsync(string dataPath, string database)
    {
        if (!PostgresRun.IsOn)
        {
            return File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;
        }

        await using var connection = new NpgsqlConnection(PostgresRun.DatabaseFor(dataPath));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(string dataPath, string database, string sql)
    {
        await using DbConnection connection = PostgresRun.IsOn ? new NpgsqlConnection(PostgresRun.DatabaseFor(dataPath)) : new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        if (PostgresRun.IsOn)
        {
            // Row-level security shows the practice's rows only to a connection that names it.
            await using var name = new NpgsqlCommand("SELECT set_config('cms.tenant', 'victim', false)", (NpgsqlConnection)connection);
            await name.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WriteRecipeAsync(string path)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("""
            { "name": "big", "steps": [
              { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ], "ContentParts": [] },
              { "name": "content", "data": [
            """);
        var padding = new string('x', 400);
        for (var i = 0; i < Items; i++)
        {
            await writer.WriteLineAsync($$"""{{(i == 0 ? "" : ",")}}{ "ContentItemId": "note{{i}}", "ContentItemVersionId": "note{{i}}-v", "ContentType": "Note", "Latest": true, "Published": true, "TitlePart": { "Title": "Note {{i}} {{padding}}" } }""");
        }

        await writer.WriteLineAsync("] } ] }");
    }

    private static async Task<int> RunAsync(string dataPath, params string[] args)
    {
        using var process = Start(dataPath, args);
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static Process Start(string dataPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Cms__DataPath"] = dataPath;
        if (PostgresRun.IsOn)
        {
            start.Environment["Cms__Database__Provider"] = "Postgres";
            start.Environment["Cms__Database__ConnectionString"] = PostgresRun.DatabaseFor(dataPath);
        }

        start.Environment["Cms__Setup__AdminPassword"] = CmsFactory.AdminPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
