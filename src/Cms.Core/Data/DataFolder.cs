namespace Cms.Data;

/// <summary>The data folder (SQLite files, media, waiting uploads) must be a folder this process can write to.</summary>
internal static class DataFolder
{
    public static void EnsureWritable(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
            // Creating a folder that exists proves nothing about writing in it (a read-only mount, another owner).
            var probe = Path.Combine(path, $".write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsProblemException($"Cms:DataPath is '{path}', which is not a folder this program can write to: {e.Message.TrimEnd('.')}.", e);
        }
    }
}
