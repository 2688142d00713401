namespace Cms.Security;

/// <summary>Why a sign-in attempt is not even checked, and how long to wait.</summary>
internal sealed record SignInHold(string Message, TimeSpan RetryAfter)
{
    /// <summary>"6 seconds", "15 minutes": rounded up, so waiting that long is always enough.</summary>
    public static string Describe(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMinutes(2))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return $"{seconds} {(seconds == 1 ? "second" : "seconds")}";
        }

        return $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes";
    }
}
