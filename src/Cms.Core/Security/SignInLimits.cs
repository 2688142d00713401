namespace Cms.Security;

/// <summary>Section <c>Cms:SignIn</c>: how sign-in is throttled; <see cref="SignInThrottle"/> says why each limit is keyed as it is.</summary>
public sealed record SignInLimits
{
    public const string Section = "Cms:SignIn";

    /// <summary>Sign-in attempts one client address may make per minute over every tenant and user name (a burst of this many, then one every 60/N seconds).</summary>
    public int AttemptsPerAddressPerMinute { get; init; } = 10;

    /// <summary>Wrong passwords for one user name from one client address before that address waits <see cref="NameAndAddressHold"/> for that name.</summary>
    public int FailuresPerNameAndAddress { get; init; } = 5;

    public TimeSpan NameAndAddressHold { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords for one user name from all addresses before browsers that never signed in as it must wait; one more each <see cref="NameFailureReplenished"/>.</summary>
    public int FailuresPerName { get; init; } = 20;

    public TimeSpan NameFailureReplenished { get; init; } = TimeSpan.FromMinutes(3);
}
