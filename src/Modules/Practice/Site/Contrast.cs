using System.Globalization;

namespace Cms.Practice.Site;

/// <summary>WCAG 2.1 contrast between a practice's accent colour and the page background.</summary>
internal static class Contrast
{
    /// <summary>The theme's page background (off-white).</summary>
    public const string Background = "#faf8f5";

    /// <summary>What links and white button text need on the background.</summary>
    public const double Minimum = 4.5;

    /// <summary>The colour when it is a #rrggbb colour readable on the background and under white text; otherwise null.</summary>
    public static string? Readable(string? color) =>
        Parse(color) is { } rgb && Ratio(rgb, Parse(Background)!.Value) >= Minimum && Ratio(rgb, (255, 255, 255)) >= Minimum ? color!.ToLowerInvariant() : null;

    public static double Ratio((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    public static (int R, int G, int B)? Parse(string? color)
    {
        if (color is not { Length: 7 } || color[0] != '#' || !int.TryParse(color.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return ((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
    }

    private static double Luminance((int R, int G, int B) c) => (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));

    private static double Channel(int value)
    {
        var s = value / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
