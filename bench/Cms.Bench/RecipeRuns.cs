using System.Text.RegularExpressions;

namespace Cms.Bench;

/// <summary>
/// The recipe verbs run through the real CLI, one child process each, every run a row of the report's table:
/// wall time, items per second, peak RSS and how far it rose above the CLI's own baseline.
/// </summary>
internal sealed partial class RecipeRuns
{
    /// <summary>Other processes' CPU, in cores, above which a run's figures are flagged as taken on a busy machine.</summary>
    private const double QuietMachine = 0.1;

    private readonly HostCli _cli;
    private readonly string _dataPath;
    private readonly List<string[]> _rows;
    private long _baseline;

    public RecipeRuns(HostCli cli, string dataPath, Report report)
    {
        _cli = cli;
        _dataPath = dataPath;
        _rows = report.Table(
            "Each run of the CLI, one process each, timed from process start to exit (start-up included). CPU is the process's user and "
            + "system time; peak RSS is its VmHWM; \"over baseline\" subtracts the peak RSS of `tenants list` on the same data folder. "
            + "\"Others\" is the CPU that every other process on the machine used during the run, in cores on average: near 0 on a quiet machine.",
            "Run", "Items", "Time", "Items/s", "CPU", "Peak RSS", "Over baseline", "Others");
    }

    /// <summary>The peak RSS of <c>tenants list</c>: the CLI started, its services built and the host database read, with no recipe.</summary>
    public async Task<long> BaselineAsync(Report report)
    {
        // The first run migrates the fresh host database and reads the files from disk; it is not measured.
        await _cli.RunAsync("tenants", "list");
        var runs = new List<CliRun>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await _cli.RunAsync("tenants", "list"));
        }

        _baseline = runs.Select(r => r.PeakResidentBytes).Order().ElementAt(runs.Count / 2);
        var median = runs.Select(r => r.Elapsed).Order().ElementAt(runs.Count / 2);
        report.Fact(
            "Baseline: `tenants list` (median of 3 runs)",
            Report.Invariant($"peak RSS {Report.Bytes(_baseline)} ({string.Join(", ", runs.Select(r => Report.Bytes(r.PeakResidentBytes)))}), {Report.Ms(median.TotalMilliseconds)}"));
        return _baseline;
    }

    public async Task CreateTenantAsync(string name)
    {
        await _cli.RunAsync("tenants", "create", "--name", name, "--prefix", name);
    }

    /// <summary>Imports a recipe and checks what the CLI says it did; null when it ran past the limit and was stopped.</summary>
    public async Task<CliRun?> ImportAsync(string label, string tenant, GeneratedRecipe recipe, TimeSpan limit, bool dryRun = false)
    {
        Progress.Say($"{label}: recipes import{(dryRun ? " --dry-run" : "")} --tenant {tenant} ({recipe.Items:N0} items)");
        string[] arguments = dryRun
            ? ["recipes", "import", "--tenant", tenant, "--dry-run", recipe.Path]
            : ["recipes", "import", "--tenant", tenant, recipe.Path];
        var run = await _cli.RunAsync(limit, arguments);
        if (run is null)
        {
            _rows.Add([label, Report.Invariant($"{recipe.Items:N0}"), Report.Invariant($"stopped after {limit.TotalMinutes:0} min"), "", "", "", "", ""]);
            return null;
        }

        Add(label, recipe.Items, run);
        return run;
    }

    /// <summary>Exports a tenant to a file and counts the items in it by content type, streamed.</summary>
    public async Task<(CliRun Run, IReadOnlyDictionary<string, int> ByType)> ExportAsync(string label, string tenant, string path)
    {
        Progress.Say($"{label}: recipes export --tenant {tenant}");
        var run = await _cli.RunAsync("recipes", "export", "--tenant", tenant, "--out", path);
        var byType = RecipeItemCounter.CountByType(path);
        Add(label, byType.Values.Sum(), run);
        return (run, byType);
    }

    public long OverBaseline(CliRun run) => run.PeakResidentBytes - _baseline;

    /// <summary>The SQLite file (and its write-ahead log, if any) of a tenant.</summary>
    public long DatabaseBytes(string tenant)
    {
        var folder = Path.Combine(_dataPath, "Sites", tenant);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) : 0;
    }

    /// <summary>The counts in the CLI's summary line ("Imported x: 2 types, 2 parts, 10005 items imported."), by what was counted.</summary>
    public static IReadOnlyDictionary<string, int> Counts(CliRun run) =>
        CountPattern().Matches(run.Output).ToDictionary(m => m.Groups["what"].Value, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));

    public static double ItemsPerSecond(int items, CliRun run) => items / run.Elapsed.TotalSeconds;

    private void Add(string label, int items, CliRun run)
    {
        // Slightly below zero when the other processes used next to nothing: the verb's CPU is read up to 20 ms early.
        var others = Math.Max(0, run.OthersCpu / run.Elapsed);
        if (others > QuietMachine)
        {
            Progress.Say(Report.Invariant($"Other processes used {others:0.00} cores during that run: the machine is not quiet, the figures are pessimistic."));
        }

        _rows.Add(
        [
            label,
            Report.Invariant($"{items:N0}"),
            Report.Invariant($"{run.Elapsed.TotalSeconds:0.0} s"),
            Report.Invariant($"{ItemsPerSecond(items, run):N0}"),
            Report.Invariant($"{run.Cpu.TotalSeconds:0.0} s"),
            Report.Bytes(run.PeakResidentBytes),
            Report.Bytes(OverBaseline(run)),
            Report.Invariant($"{others:0.00}"),
        ]);
    }

    [GeneratedRegex(@"(?<n>[0-9]+) (?<what>items imported|items unchanged|types|parts)")]
    private static partial Regex CountPattern();
}
