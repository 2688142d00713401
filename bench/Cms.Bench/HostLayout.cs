namespace Cms.Bench;

/// <summary>Where the built host is: its assembly, and the folder with its appsettings.json that it runs from.</summary>
internal sealed record HostLayout(string WebAssembly, string ContentRoot, string RepositoryRoot)
{
    /// <summary>The host built in the bench's own configuration, found from the repository root above the bench.</summary>
    public static HostLayout Find(string configuration)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Orchard.sln")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            throw new InvalidOperationException($"No Orchard.sln above {AppContext.BaseDirectory}; run the bench from the repository.");
        }

        // The bench's own output folder is named after the target framework, which the host shares.
        var framework = Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var contentRoot = Path.Combine(folder.FullName, "src", "Cms.Web");
        var assembly = Path.Combine(contentRoot, "bin", configuration, framework, "Cms.Web.dll");
        return File.Exists(assembly)
            ? new HostLayout(assembly, contentRoot, folder.FullName)
            : throw new InvalidOperationException($"{assembly} is missing; build with: dotnet build src/Cms.Web -c {configuration}");
    }
}
