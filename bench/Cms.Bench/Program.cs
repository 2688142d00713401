using Cms.Bench;

// stdout carries only the Markdown report, so it can be redirected into a file; progress goes to stderr.
string[] benchmarks = ["tenants", "recipes", "pages", "admin", "nodes", "publish", "images"];
if (args.Length == 0 || !benchmarks.Contains(args[0]) || args.Skip(1).Any(a => a != "--keep"))
{
    await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/Cms.Bench -- tenants|recipes|pages|admin|nodes|publish|images [--keep]");
    await Console.Error.WriteLineAsync("  tenants   registry memory, host start, cold activation, active-tenant memory and activate/release cycles");
    await Console.Error.WriteLineAsync("  recipes   recipe import (10,000 and 100,000 articles) and export through the CLI: time, items/s, peak memory");
    await Console.Error.WriteLineAsync("  pages     a published article under wrk, output cache on and off, against the same HTML from nginx and Kestrel static; a fresh host's first 10 s");
    await Console.Error.WriteLineAsync("  admin     content list searches and editor saves, one person signed in, in the demo practice with 100,000 articles");
    await Console.Error.WriteLineAsync("  nodes     two hosts on one PostgreSQL database: publish propagation, concurrent saves, uncached pages against SQLite");
    await Console.Error.WriteLineAsync("  publish   the first public pages after a publish and the site model's memory, in practices of 10,000 and 100,000 articles");
    await Console.Error.WriteLineAsync("  images    12-megapixel photos from the real host as stored and at each srcset width: bytes, first and later requests");
    await Console.Error.WriteLineAsync("  --keep    keep the temporary data folder (and, for nodes, the database) for inspection");
    return 2;
}

var keep = args.Contains("--keep");
var postgres = BenchDatabase.Server();
if (args[0] == "nodes" && postgres is null)
{
    await Console.Error.WriteLineAsync($"nodes needs a PostgreSQL server whose role may create databases: set {BenchDatabase.ServerVariable} (or {BenchDatabase.TestServerVariable}) to its connection string, e.g. 'Host=localhost;Port=5432;Username=cms_ci;Password=cms_ci;Database=cms_ci'.");
    return 3;
}

var report = args[0] switch
{
    "tenants" => await TenantsBenchmark.RunAsync(keep),
    "recipes" => await RecipesBenchmark.RunAsync(keep),
    "admin" => await AdminBenchmark.RunAsync(keep),
    "nodes" => await NodesBenchmark.RunAsync(postgres!, keep),
    "publish" => await PublishBenchmark.RunAsync(keep),
    "images" => await ImagesBenchmark.RunAsync(keep),
    _ => await PagesBenchmark.RunAsync(keep),
};
await Console.Out.WriteAsync(report.ToMarkdown());
if (report.Missed)
{
    await Console.Error.WriteLineAsync("A figure missed its target (see the report's first table).");
    return 1;
}

return 0;
