using System.Threading.RateLimiting;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.Security;

/// <summary>
/// Makes password guessing slow without handing anyone a way to keep a user out. Every limit is keyed only by what
/// the client sent (its address, the user name, its cookie), never by whether the account exists, so a refusal tells
/// nothing about accounts either. Three limits, counted in memory on each node:
/// <list type="bullet">
/// <item>per client address, every user name: ASP.NET Core's rate limiter on POST /login (<see cref="AddressPolicy"/>);</item>
/// <item>per user name and address: after a few wrong passwords that address waits for that name. An attacker there
/// holds off only themselves, not the user signing in elsewhere. The key carries the account's security stamp, so a
/// new password set by an administrator lifts the hold (and a browser that signed in as the name before counts apart);</item>
/// <item>per user name from everywhere: after many wrong passwords, browsers that never signed in as that name wait, so
/// a guesser with many addresses gets few guesses; a browser that did (<see cref="KnownBrowsers"/>) is never held.</item>
/// </list>
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    public const string AddressPolicy = "sign-in-by-address";

    // Longer names cannot belong to a user (100 characters at most); cutting them bounds what the partitions hold.
    private const int MaxNameInKey = 101;

    private readonly SignInLimits _limits;
    private readonly KnownBrowsers _browsers;
    private readonly PartitionedRateLimiter<string> _byNameAndAddress;
    private readonly PartitionedRateLimiter<string> _byName;

    public SignInThrottle(IOptions<SignInLimits> limits, KnownBrowsers browsers)
    {
        _limits = limits.Value;
        _browsers = browsers;
        _byNameAndAddress = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _limits.FailuresPerNameAndAddress,
            Window = _limits.NameAndAddressHold,
            QueueLimit = 0,
        }));
        _byName = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = _limits.FailuresPerName,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = _limits.NameFailureReplenished,
            QueueLimit = 0,
        }));
    }

    /// <summary>The rate limiter policy for POST /login: per client address, a burst then a steady rate, answered 429 with how long to wait.</summary>
    public static void AddAddressPolicy(RateLimiterOptions options)
    {
        options.AddPolicy(AddressPolicy, context =>
        {
            var perMinute = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<SignInLimits>>().Value.AttemptsPerAddressPerMinute);
            return RateLimitPartition.GetTokenBucketLimiter(ClientAddress.Key(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
            });
        });
        options.OnRejected = (rejected, cancellationToken) =>
        {
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            var context = rejected.HttpContext;
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ValueTask(StatusPage.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many sign-in attempts", $"""
                <p class="error" role="alert">Too many sign-in attempts from your network. Try again in {SignInHold.Describe(wait)}.</p>
                <p><a href="{context.Request.PathBase}/login">Back to sign-in</a></p>
                """));
        };
    }

    public SignInKey KeyFor(HttpContext context, string tenant, string userName, string? securityStamp)
    {
        var normalized = UserAccounts.Normalize(userName);
        var name = $"{tenant}\n{(normalized.Length > MaxNameInKey ? normalized[..MaxNameInKey] : normalized)}";
        var known = _browsers.Knows(context, tenant, normalized);
        return new SignInKey(tenant, normalized, name, $"{name}\n{ClientAddress.Key(context)}\n{known}\n{securityStamp}", known);
    }

    /// <summary>Why this attempt is not checked at all, or null to check it. Asking takes nothing from any limit.</summary>
    public SignInHold? HoldOf(SignInKey key)
    {
        // Statistics rather than a lease for zero permits: a partitioned token bucket refills by fractions every tick,
        // so a zero-permit lease succeeds on a hundredth of a token. The waits named are upper bounds.
        if (_byNameAndAddress.GetStatistics(key.NameAndAddress)?.CurrentAvailablePermits < 1)
        {
            return new SignInHold(
                $"{_limits.FailuresPerNameAndAddress} wrong passwords for this user name from your network. Try again in {SignInHold.Describe(_limits.NameAndAddressHold)}, "
                + "or ask an administrator of this site to set a new password for you.",
                _limits.NameAndAddressHold);
        }

        if (!key.KnownBrowser && _byName.GetStatistics(key.Name)?.CurrentAvailablePermits < 1)
        {
            return new SignInHold(
                $"Too many wrong passwords for this user name from many places. Try again in {SignInHold.Describe(_limits.NameFailureReplenished)}, "
                + "or sign in from a browser where you signed in before.",
                _limits.NameFailureReplenished);
        }

        return null;
    }

    /// <summary>A wrong password (or an unknown name): counted against the name from this address and, for a new browser, against the name.</summary>
    public void Failed(SignInKey key)
    {
        _byNameAndAddress.AttemptAcquire(key.NameAndAddress).Dispose();
        if (!key.KnownBrowser)
        {
            _byName.AttemptAcquire(key.Name).Dispose();
        }
    }

    /// <summary>A sign-in that worked: this browser is known for the name from now on.</summary>
    public void Succeeded(HttpContext context, SignInKey key) => _browsers.Remember(context, key.Tenant, key.NormalizedUserName);

    public void Dispose()
    {
        _byNameAndAddress.Dispose();
        _byName.Dispose();
    }
}
