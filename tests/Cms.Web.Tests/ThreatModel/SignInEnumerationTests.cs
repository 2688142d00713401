using System.Net;
using Cms.Data;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 5: sign-in does the same work and gives the same answer for a user name that does not exist.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class SignInEnumerationTests
{
    private const string Unknown = "nobody-by-this-name";

    [Fact]
    public async Task AnUnknownNameIsAnsweredAsAWrongPasswordAttemptAfterAttempt()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory);
        var real = SignInHost.Client(host, "203.0.113.10");
        var unknown = SignInHost.Client(host, "203.0.113.11");

        // Past the point where repeated failures are held off: the hold must not tell the two apart either.
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            var forReal = await SignInHost.AnswerAsync(real, AdminSite.Base, CmsFactory.AdminUser, $"wrong-password-{attempt}");
            var forUnknown = await SignInHost.AnswerAsync(unknown, AdminSite.Base, Unknown, $"wrong-password-{attempt}");

            Assert.True(forReal.Status is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, $"attempt {attempt}: {forReal.Status}");
            Assert.Equal(forReal, forUnknown);
        }
    }

    [Fact]
    public async Task AnUnknownNameIsHeldOffFromManyAddressesExactlyAsARealOne()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory);

        var answers = new Dictionary<string, List<SignInHost.Answer>>();
        foreach (var name in new[] { CmsFactory.AdminUser, Unknown })
        {
            var seen = answers[name] = [];
            var prefix = name == Unknown ? "198.51.100" : "192.0.2";
            for (var address = 1; address <= 6; address++)
            {
                var client = SignInHost.Client(host, $"{prefix}.{address}");
                for (var attempt = 1; attempt <= 4; attempt++)
                {
                    seen.Add(await SignInHost.AnswerAsync(client, AdminSite.Base, name, $"guess-number-{address}-{attempt}"));
                }
            }

            seen.Add(await SignInHost.AnswerAsync(SignInHost.Client(host, $"{prefix}.99"), AdminSite.Base, name, "one-more-guess"));
        }

        Assert.Contains(answers[CmsFactory.AdminUser], a => a.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal(answers[CmsFactory.AdminUser], answers[Unknown]);
    }

    [Fact]
    public async Task AnUnknownNameCostsTheSamePasswordHashingAsARealOne()
    {
        var hasher = new WatchedPasswordHasher();
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory, services => services.AddSingleton<IPasswordHasher<UserRecord>>(hasher));

        await SignInHost.AnswerAsync(SignInHost.Client(host, "203.0.113.20"), AdminSite.Base, Unknown, "wrong-password-1");
        await SignInHost.AnswerAsync(SignInHost.Client(host, "203.0.113.21"), AdminSite.Base, CmsFactory.AdminUser, "wrong-password-1");

        // One verification each, against a hash of the same kind and cost (format byte, PRF, iteration count).
        Assert.Equal(2, hasher.Verified.Count);
        Assert.Equal(Cost(hasher.Verified[1]), Cost(hasher.Verified[0]));
        Assert.Equal(0x01, Cost(hasher.Verified[0])[0]);
    }

    private static byte[] Cost(string hash) => Convert.FromBase64String(hash)[..9];

    /// <summary>The real hasher, noting each hash a password is verified against.</summary>
    private sealed class WatchedPasswordHasher : IPasswordHasher<UserRecord>
    {
        private readonly PasswordHasher<UserRecord> _inner = new();

        public List<string> Verified { get; } = [];

        public string HashPassword(UserRecord user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserRecord user, string hashedPassword, string providedPassword)
        {
            lock (Verified)
            {
                Verified.Add(hashedPassword);
            }

            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
