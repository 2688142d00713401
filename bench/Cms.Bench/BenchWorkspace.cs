using System.Reflection;

namespace Cms.Bench;

/// <summary>
/// What every benchmark starts from: the host build to run (a warning when it is not Release), a fresh temporary
/// folder and the report. Disposing it deletes the folder, or keeps it for inspection with <c>--keep</c>.
/// </summary>
internal sealed class BenchWorkspace : IDisposable
{
    private readonly bool _keep;

    private BenchWorkspace(HostLayout layout, string path, Report report, bool keep)
    {
        Layout = layout;
        Path = path;
        Report = report;
        _keep = keep;
    }

    public HostLayout Layout { get; }

    public string Path { get; }

    public Report Report { get; }

    public static BenchWorkspace Open(string title, string folderPrefix, bool keep)
    {
        var configuration = typeof(BenchWorkspace).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        if (configuration != "Release")
        {
            Progress.Say($"Warning: this is a {configuration} build; only Release figures are worth reporting.");
        }

        var path = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        Progress.Say($"Working in {path}");
        return new BenchWorkspace(HostLayout.Find(configuration), path, new Report(title, configuration), keep);
    }

    public void Dispose()
    {
        if (_keep)
        {
            Progress.Say($"Kept {Path}");
        }
        else
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
