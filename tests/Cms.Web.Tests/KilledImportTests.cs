using System.Diagnostics;
using System.Text;
using Cms.Web.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Cms.Web.Tests;

/// <summary>An import whose process is killed half-way leaves the practice exactly as it was.</summary>
public sealed class KilledImportTests
{
    private const int Items = 40_000;

    // SQLite only: it kills the import once SQLite's write-ahead log has grown and reads the practice's cms.db file;
    // PostgreSQL's rollback of a lost connection's transaction is the server's own.
    [Fact]
    [Trait("Provider", "SqliteOnly")]
    public async Task AKilledImportChangesNothing()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-kill-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        try
        {
            Assert.Equal(0, await RunAsync(dataPath, "tenants", "create", "--name", "victim", "--prefix", "victim"));
            var recipe = Path.Combine(dataPath, "big.recipe.json");
            await WriteRecipeAsync(recipe);
            var database = Path.Combine(dataPath, "Sites", "victim", "cms.db");
            var walBefore = WalSize(database);

            using var import = Start(dataPath, "recipes", "import", "--tenant", "victim", recipe);
            var killedWhileWriting = false;
            while (!import.HasExited)
            {
                // The second pass writes inside one transaction; once its pages reach the log, stop the process hard.
                if (WalSize(database) > walBefore + (2 << 20))
                {
                    import.Kill(entireProcessTree: true);
                    killedWhileWriting = true;
                    break;
                }

                await Task.Delay(5);
            }

            await import.WaitForExitAsync();
            Assert.True(killedWhileWriting, "the import finished before it could be killed; make the recipe larger");
            Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM \"ContentItems\""));
            Assert.Equal(0L, await CountAsync(database, "SELECT count(*) FROM \"Documents\" WHERE \"Key\" = 'content-definitions'"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static long WalSize(string database) => File.Exists(database + "-wal") ? new FileInfo(database + "-wal").Length : 0;

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
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
        start.Environment["Cms__Setup__AdminPassword"] = CmsFactory.AdminPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
