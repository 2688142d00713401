using System.CommandLine;
using Cms.Data;
using Cms.Markdown;
using Cms.Menu;
using Cms.Practice;
using Cms.Tenancy;

namespace Cms.Web.Cli;

/// <summary>
/// The hosting operator's verbs (<c>dotnet run --project src/Cms.Web -- tenants list</c>). They work on
/// the same data as the running host, which notices the change within its registry poll interval.
/// </summary>
internal static class CmsCli
{
    private const string RootDescription =
        """
        Practice CMS: manage the practices (tenants) of this install and their recipes.
        Without a verb the program runs the web host; it then takes ASP.NET Core's options only, such as
        --urls http://localhost:5001 (the address and port to listen on), --environment Development, or any setting as --Cms:DataPath /srv/cms.
        """;

    public static async Task<int> RunAsync(string[] args, IDictionary<string, string?>? configuration = null, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var services = new Lazy<Task<ServiceProvider>>(() => BuildServicesAsync(configuration));
        var root = new RootCommand(RootDescription)
        {
            TenantCommands.Create(services, output, error),
            RecipeCommands.Create(services, output, error),
        };

        // Reached only in-process with no arguments (the program runs the web host then); having an action keeps
        // "Required command was not provided" out of the refusal of an unknown verb, which then names only that word.
        root.SetAction(async (_, _) =>
        {
            await error.WriteLineAsync("error: give a verb: tenants or recipes (see --help).");
            return 1;
        });

        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // A setting to fix, or anything unexpected: the operator gets one line saying what failed, not a stack trace;
            // the verbs report expected problems themselves.
            await error.WriteLineAsync($"error: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        finally
        {
            // Services that failed to start (a refused setting) have nothing to dispose, and awaiting them would throw again.
            if (services.IsValueCreated && services.Value.IsCompletedSuccessfully)
            {
                await (await services.Value).DisposeAsync();
            }
        }
    }

    private static async Task<ServiceProvider> BuildServicesAsync(IDictionary<string, string?>? overrides)
    {
        // The same configuration sources as the web host: appsettings.json, environment, then overrides.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production"}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new CliEnvironment(Directory.GetCurrentDirectory()));
        // The verbs report what they did themselves; the log shows only what went wrong, on standard error, so a
        // warning never lands in what a script reads (tenants list --json).
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddCmsCore(configuration);
        services.AddMarkdownModule(configuration);
        services.AddPracticeModule(configuration);
        services.AddMenuModule();
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<CmsDatabase>().MigrateHostAsync(CancellationToken.None);
        return provider;
    }

    private sealed class CliEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Cms.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
