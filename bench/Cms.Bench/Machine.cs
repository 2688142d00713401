using System.Globalization;
using System.Runtime.InteropServices;

namespace Cms.Bench;

/// <summary>What the figures were measured on, read from Linux's own files.</summary>
internal static class Machine
{
    public static string Cpu() => Field("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString();

    public static long TotalMemoryBytes()
    {
        var kilobytes = Field("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0];
        return kilobytes is null ? 0 : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    public static string Os() => Field("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;

    private static string? Field(string file, string name, char separator)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        return File.ReadLines(file)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
