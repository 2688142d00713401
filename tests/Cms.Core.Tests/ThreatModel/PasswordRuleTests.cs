using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>Issue 10, item 6: one password rule (length, not common, not repeated, not a sequence) wherever a password is set.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class PasswordRuleTests
{
    [Theory]
    [InlineData("host-admin-password")]
    [InlineData("a-long-password-1")]
    [InlineData("correct horse battery staple")]
    [InlineData("Kq7-vPz2_mW9xL")]
    [InlineData("abcdefghij-but-then-words")]
    [InlineData("password-with-more-words")]
    public void AcceptsALongPasswordThatIsNotCommonRepeatedOrASequence(string password) =>
        Assert.Null(PasswordRule.Check(password));

    [Theory]
    [InlineData("", "at least 10 characters")]
    [InlineData("short-pw", "at least 10 characters")]
    [InlineData("1234567890", "sequence")]
    [InlineData("password123", "one of the most common passwords")]
    [InlineData("PASSWORD1234", "one of the most common passwords")]
    [InlineData("Password2024!", "one of the most common passwords")]
    [InlineData("qwertyuiop", "one of the most common passwords")]
    [InlineData("iloveyou123", "one of the most common passwords")]
    [InlineData("letmein12345", "one of the most common passwords")]
    [InlineData("1q2w3e4r5t", "one of the most common passwords")]
    [InlineData("administrator", "one of the most common passwords")]
    [InlineData("aaaaaaaaaaaa", "repeats")]
    [InlineData("!!!!!!!!!!!!", "repeats")]
    [InlineData("abcabcabcabc", "repeats")]
    [InlineData("121212121212", "repeats")]
    [InlineData("abcdefghijkl", "sequence")]
    [InlineData("9876543210", "sequence")]
    [InlineData("7890123456", "sequence")]
    [InlineData("ZYXWVUTSRQPO", "sequence")]
    public void RefusesAndSaysWhy(string password, string reason)
    {
        var problem = PasswordRule.Check(password);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheListOfCommonPasswordsIsLoadedAndSizable() =>
        Assert.InRange(PasswordRule.CommonPasswordCount, 300, 2000);

    [Fact]
    public async Task CreatingATenantRefusesAWeakAdministratorPasswordAndCreatesNothing()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenants = services.GetRequiredService<TenantManager>();

        var result = await tenants.CreateAsync(new CreateTenantRequest { Name = "weak", Prefix = "weak", AdminUserName = "wes", AdminPassword = "qwerty123456" }, default);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("one of the most common passwords", StringComparison.Ordinal));
        Assert.Null(await tenants.FindAsync("weak", default));
    }

    [Fact]
    public async Task FirstRunRefusesAWeakConfiguredPasswordAndNamesTheSetting()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync(new Dictionary<string, string?> { ["Cms:Setup:AdminPassword"] = "password1234" });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<FirstRunSetup>().RunAsync(default));

        Assert.Contains("Cms:Setup:AdminPassword", refused.Message, StringComparison.Ordinal);
        Assert.Contains("one of the most common passwords", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await services.GetRequiredService<TenantManager>().ListAsync(default));
    }
}
