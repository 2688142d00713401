using System.CommandLine;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Recipes.Export;

namespace Cms.Web.Cli;

/// <summary><c>recipes validate | import | export</c>: Orchard Core recipes in and out of a practice.</summary>
internal static class RecipeCommands
{
    public static Command Create(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var recipes = new Command("recipes", "Check, import and export recipes in Orchard Core's JSON format.");
        recipes.Subcommands.Add(Validate(services, output, error));
        recipes.Subcommands.Add(Import(services, output, error));
        recipes.Subcommands.Add(Export(services, output, error));
        return recipes;
    }

    private static Command Validate(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("file") { Description = "The recipe file." };
        var strict = StrictOption();
        var command = new Command("validate", "Check a recipe in full and report every problem with its place, without a site.") { file, strict };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"error: the file '{path.FullName}' does not exist.");
                return 1;
            }

            var recipes = (await services.Value).GetRequiredService<TenantRecipes>();
            var result = await recipes.ValidateAsync(RecipeSource.FromFile(path.FullName), new RecipeOptions { Strict = parse.GetValue(strict) }, cancellationToken);
            return await ReportAsync(result, result.Succeeded ? $"{path.Name} is valid." : null, output, error);
        });
        return command;
    }

    private static Command Import(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var tenant = new Option<string>("--tenant") { Description = "The practice to import into.", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "The recipe file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check against the practice and report, but change nothing." };
        var strict = StrictOption();
        var command = new Command("import", "Import a recipe into a practice: checked in full first, then applied all or nothing.") { tenant, file, dryRun, strict };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"error: the file '{path.FullName}' does not exist.");
                return 1;
            }

            var provider = await services.Value;
            var progress = Progress(provider, error);
            var options = new RecipeOptions { DryRun = parse.GetValue(dryRun), Strict = parse.GetValue(strict), Progress = progress };
            var result = await provider.GetRequiredService<TenantRecipes>().ImportAsync(parse.GetValue(tenant)!, RecipeSource.FromFile(path.FullName), options, cancellationToken);
            progress.Finish();
            if (result is null)
            {
                await error.WriteLineAsync($"error: there is no running practice named '{parse.GetValue(tenant)}'.");
                return 1;
            }

            var summary = result.Applied
                ? $"Imported {path.Name}: {Counts(result)}."
                : result.Succeeded ? $"{path.Name} would import cleanly (dry run; nothing was changed)." : null;
            return await ReportAsync(result, summary, output, error);
        });
        return command;
    }

    private static Command Export(Lazy<Task<ServiceProvider>> services, TextWriter output, TextWriter error)
    {
        var tenant = new Option<string>("--tenant") { Description = "The practice to export.", Required = true };
        var types = new Option<string[]>("--type") { Description = "Export only items of this content type (with its definition); repeat for several." };
        var items = new Option<string[]>("--item") { Description = "Export only this content item id; repeat for several." };
        var file = new Option<FileInfo>("--out") { Description = "The recipe file to write.", Required = true };
        var command = new Command("export", "Write a practice (or chosen types or items) as a recipe that imports into an empty practice.") { tenant, types, items, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(file)!;
            var temporary = target.FullName + ".partial";
            var provider = await services.Value;
            var progress = Progress(provider, error);
            var options = new ExportOptions { ContentTypes = parse.GetValue(types) ?? [], ContentItemIds = parse.GetValue(items) ?? [], Progress = progress };
            bool found;
            await using (var stream = File.Create(temporary))
            {
                found = await provider.GetRequiredService<TenantRecipes>().ExportAsync(parse.GetValue(tenant)!, options, stream, cancellationToken);
            }

            progress.Finish();

            if (!found)
            {
                File.Delete(temporary);
                await error.WriteLineAsync($"error: there is no running practice named '{parse.GetValue(tenant)}'.");
                return 1;
            }

            // Written aside and moved: an interrupted export never leaves half a recipe under the real name.
            File.Move(temporary, target.FullName, overwrite: true);
            await output.WriteLineAsync($"Exported '{parse.GetValue(tenant)}' to {target.FullName}.");
            return 0;
        });
        return command;
    }

    // A terminal gets a line rewritten twice a second; a log a line every five seconds (Cms:Cli:ProgressInterval sets both).
    private static CliProgress Progress(ServiceProvider provider, TextWriter error)
    {
        var terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var interval = provider.GetRequiredService<IConfiguration>().GetValue<TimeSpan?>("Cms:Cli:ProgressInterval")
            ?? TimeSpan.FromSeconds(terminal ? 0.5 : 5);
        return new CliProgress(error, terminal, interval, provider.GetRequiredService<TimeProvider>());
    }

    private static Option<bool> StrictOption() => new("--strict") { Description = "Treat unsupported steps, features, parts and fields as errors." };

    private static string Counts(RecipeResult result) =>
        result.Counts.Count == 0 ? "no changes" : string.Join(", ", result.Counts.Select(c => $"{c.Value} {c.Key}"));

    private static async Task<int> ReportAsync(RecipeResult result, string? success, TextWriter output, TextWriter error)
    {
        foreach (var warning in result.Warnings)
        {
            await error.WriteLineAsync($"warning: {warning}");
        }

        foreach (var problem in result.Errors)
        {
            await error.WriteLineAsync($"error: {problem}");
        }

        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"{result.Errors.Count} error(s); nothing was changed.");
            return 1;
        }

        await output.WriteLineAsync(success);
        return 0;
    }
}
