using Cms.Bench;

// stdout carries only the Markdown report, so it can be redirected into a file; progress goes to stderr.
if (args.Length == 0 || args[0] != "tenants" || args.Skip(1).Any(a => a != "--keep"))
{
    await Console.Error.WriteLineAsync("usage: dotnet run -c Release --project bench/Cms.Bench -- tenants [--keep]");
    await Console.Error.WriteLineAsync("  tenants   registry memory, host start, cold activation, active-tenant memory and activate/release cycles");
    await Console.Error.WriteLineAsync("  --keep    keep the temporary data folder for inspection");
    return 2;
}

var report = await TenantsBenchmark.RunAsync(keepData: args.Contains("--keep"));
await Console.Out.WriteAsync(report.ToMarkdown());
return 0;
