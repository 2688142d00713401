using System.Diagnostics;

namespace Cms.Bench;

/// <summary>
/// Recipe import and export against the design's targets, through the real CLI in child processes on a fresh
/// data folder: 10,000 and 100,000 articles imported into new tenants, the 10,000 imported again, both tenants
/// exported. Import ≥ 1,000 items/s; 100,000 items with ≤ 256 MB extra memory; export in constant memory.
/// </summary>
internal static class RecipesBenchmark
{
    public const int Small = 10_000;
    public const int Large = 100_000;

    /// <summary>Measured in full instead of <see cref="Large"/> when that would take too long.</summary>
    public const int Fallback = 30_000;

    private const double TargetItemsPerSecond = 1_000;
    private const long TargetExtraBytes = 256L * 1024 * 1024;

    /// <summary>How much more an export of 10 times the items may peak at and still count as constant memory.</summary>
    private const long ConstantExportSlack = 16L * 1024 * 1024;

    /// <summary>Longer than this, the large import is stopped (or not started) and <see cref="Fallback"/> measured instead.</summary>
    private static readonly TimeSpan s_largeImportLimit = TimeSpan.FromMinutes(15);

    public static async Task<Report> RunAsync(bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Recipes", "cms-bench-recipes-", keepData);
        var (layout, scratch, report) = (workspace.Layout, workspace.Path, workspace.Report);
        var dataPath = Path.Combine(scratch, "data");
        var runs = new RecipeRuns(new HostCli(layout, dataPath, TenantsBenchmark.AdminPassword), dataPath, report);
        Progress.Say("Baseline: tenants list");
        await runs.BaselineAsync(report);

        var small = await WriteRecipeAsync(scratch, Small, report);
        var smallImport = await ImportIntoNewTenantAsync(runs, small, TimeSpan.FromHours(1), report)
            ?? throw new InvalidOperationException("The small import did not finish.");
        await ReimportAsync(runs, smallImport, report);
        var (smallExport, _) = await ExportAsync(runs, smallImport, scratch, report);

        var large = await LargeImportAsync(runs, scratch, smallImport, report);
        var (largeExport, exported) = await ExportAsync(runs, large, scratch, report);
        var growth = runs.OverBaseline(largeExport) - runs.OverBaseline(smallExport);
        report.Target(
            Report.Invariant($"Export in constant memory: peak RSS over baseline, {exported:N0} items against {small.Items:N0}"),
            Report.Invariant($"{Report.Bytes(runs.OverBaseline(largeExport))} against {Report.Bytes(runs.OverBaseline(smallExport))} (difference {Report.Bytes(growth)})"),
            Report.Invariant($"the same (met within {Report.Bytes(ConstantExportSlack)})"),
            growth <= ConstantExportSlack);
        return report;
    }

    private static async Task<GeneratedRecipe> WriteRecipeAsync(string scratch, int articles, Report report)
    {
        Progress.Say($"Writing a recipe with {articles:N0} articles");
        var clock = Stopwatch.StartNew();
        var recipe = await ArticleRecipe.WriteAsync(Path.Combine(scratch, $"articles-{articles}.recipe.json"), articles, CancellationToken.None);
        report.Fact(
            Report.Invariant($"Recipe with {articles:N0} articles and {ArticleRecipe.Counselors} counselors (bench setup, streamed with Utf8JsonWriter)"),
            Report.Invariant($"{Report.Bytes(recipe.Bytes)}, Markdown {recipe.MeanMarkdownBytes:N0} B per article on average, written in {clock.Elapsed.TotalSeconds:0.0} s"));
        return recipe;
    }

    /// <summary>Imports into a tenant made for it, after a dry run; null when either was stopped at the limit.</summary>
    private static async Task<ImportedTenant?> ImportIntoNewTenantAsync(RecipeRuns runs, GeneratedRecipe recipe, TimeSpan limit, Report report)
    {
        var tenant = $"articles-{recipe.Articles}";
        await runs.CreateTenantAsync(tenant);

        // The first pass alone (read, check every item and reference, write nothing): what applying adds is the difference.
        if (await runs.ImportAsync(Report.Invariant($"Import {recipe.Articles:N0} articles, --dry-run (checks only)"), tenant, recipe, limit, dryRun: true) is null)
        {
            return null;
        }

        var run = await runs.ImportAsync(Report.Invariant($"Import {recipe.Articles:N0} articles into a new tenant"), tenant, recipe, limit);
        if (run is null)
        {
            return null;
        }

        var counts = RecipeRuns.Counts(run);
        if (counts.GetValueOrDefault("items imported") != recipe.Items)
        {
            throw new InvalidOperationException($"Expected {recipe.Items} items imported; the CLI said: {run.Output}");
        }

        var rate = RecipeRuns.ItemsPerSecond(recipe.Items, run);
        report.Target(
            Report.Invariant($"Import rate, {recipe.Items:N0} items into a new tenant (whole command, start-up included)"),
            Report.Invariant($"{rate:N0} items/s ({run.Elapsed.TotalSeconds:0.0} s)"),
            "≥ 1,000 items/s",
            rate >= TargetItemsPerSecond);
        report.Fact(Report.Invariant($"Tenant's SQLite database after importing {recipe.Items:N0} items"), Report.Bytes(runs.DatabaseBytes(tenant)));
        return new ImportedTenant(tenant, recipe, run);
    }

    // Importing the same recipe again must change nothing: every item is found unchanged and skipped.
    private static async Task ReimportAsync(RecipeRuns runs, ImportedTenant imported, Report report)
    {
        var recipe = imported.Recipe;
        var run = (await runs.ImportAsync(Report.Invariant($"Import the same {recipe.Articles:N0} articles again (nothing changes)"), imported.Tenant, recipe, TimeSpan.FromHours(1)))!;
        var counts = RecipeRuns.Counts(run);
        report.Fact(
            Report.Invariant($"Second import of the {recipe.Articles:N0}-article recipe into the same tenant"),
            Report.Invariant($"{run.Elapsed.TotalSeconds:0.0} s ({RecipeRuns.ItemsPerSecond(recipe.Items, run):N0} items/s); the CLI reported {counts.GetValueOrDefault("items unchanged"):N0} items unchanged, {counts.GetValueOrDefault("items imported"):N0} imported"));
    }

    private static async Task<(CliRun Run, int Items)> ExportAsync(RecipeRuns runs, ImportedTenant imported, string scratch, Report report)
    {
        var (tenant, recipe) = (imported.Tenant, imported.Recipe);
        var path = Path.Combine(scratch, $"export-{tenant}.recipe.json");
        var (run, byType) = await runs.ExportAsync(Report.Invariant($"Export the tenant with {recipe.Articles:N0} articles"), tenant, path);
        var items = byType.Values.Sum();
        var same = items == recipe.Items && byType.GetValueOrDefault("Article") == recipe.Articles && byType.GetValueOrDefault("Counselor") == ArticleRecipe.Counselors;
        report.Fact(
            Report.Invariant($"Export of the tenant with {recipe.Articles:N0} articles: file, and items in it (counted streamed)"),
            Report.Invariant($"{Report.Bytes(new FileInfo(path).Length)}; {string.Join(", ", byType.Select(t => Report.Invariant($"{t.Value:N0} {t.Key}")))}: {(same ? "every item imported" : Report.Invariant($"**not the {recipe.Items:N0} items imported**"))}"));
        File.Delete(path);
        return (run, items);
    }

    /// <summary>
    /// The 100,000-article import, or, when the small import's rate says it would take longer than the limit or it
    /// does, a full import of <see cref="Fallback"/> articles instead; the target rows say which.
    /// </summary>
    private static async Task<ImportedTenant> LargeImportAsync(RecipeRuns runs, string scratch, ImportedTenant small, Report report)
    {
        var smallRate = RecipeRuns.ItemsPerSecond(small.Recipe.Items, small.Run);
        var expected = TimeSpan.FromSeconds(Large / smallRate);
        string reason;
        if (expected > s_largeImportLimit)
        {
            reason = Report.Invariant($"at the {small.Recipe.Items:N0}-item rate ({smallRate:N0} items/s) it would take about {expected.TotalMinutes:0} min, over the {s_largeImportLimit.TotalMinutes:0}-min limit");
        }
        else
        {
            var recipe = await WriteRecipeAsync(scratch, Large, report);
            var large = await ImportIntoNewTenantAsync(runs, recipe, s_largeImportLimit, report);
            File.Delete(recipe.Path);
            if (large is not null)
            {
                LargeMemoryTarget(runs, large, report);
                return large;
            }

            reason = Report.Invariant($"it was stopped unfinished after {s_largeImportLimit.TotalMinutes:0} min (the {small.Recipe.Items:N0}-item import ran at {smallRate:N0} items/s)");
        }

        Progress.Say($"Not importing {Large:N0} articles: {reason}; measuring {Fallback:N0} instead");
        report.Target(
            Report.Invariant($"Import of {Large:N0} articles"),
            Report.Invariant($"not run: {reason}; {Fallback:N0} measured in full instead"),
            "≥ 1,000 items/s, ≤ 256 MB extra",
            null);
        var fallbackRecipe = await WriteRecipeAsync(scratch, Fallback, report);
        var fallback = await ImportIntoNewTenantAsync(runs, fallbackRecipe, TimeSpan.FromHours(1), report)
            ?? throw new InvalidOperationException("The fallback import did not finish.");
        File.Delete(fallbackRecipe.Path);
        LargeMemoryTarget(runs, fallback, report);
        return fallback;
    }

    private static void LargeMemoryTarget(RecipeRuns runs, ImportedTenant imported, Report report)
    {
        var extra = runs.OverBaseline(imported.Run);
        var isLarge = imported.Recipe.Articles == Large;
        report.Target(
            Report.Invariant($"Extra memory importing {imported.Recipe.Items:N0} items (peak RSS over baseline)"),
            Report.Invariant($"{Report.Bytes(extra)} ({Report.Bytes(imported.Run.PeakResidentBytes)} peak)"),
            isLarge ? "≤ 256 MB" : Report.Invariant($"≤ 256 MB for {Large:N0} items"),
            isLarge ? extra <= TargetExtraBytes : null);
    }
}
