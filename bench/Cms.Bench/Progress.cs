namespace Cms.Bench;

/// <summary>What the bench is doing, on stderr, so a five-minute run does not look stuck.</summary>
internal static class Progress
{
    private static readonly DateTime s_started = DateTime.UtcNow;

    public static void Say(string message) =>
        Console.Error.WriteLine($"[{(DateTime.UtcNow - s_started).TotalSeconds,6:0.0}s] {message}");
}
