using Cms.Tenancy;

namespace Cms.Core.Tests.Tenancy;

public sealed class HostThenPrefixTenantResolverTests
{
    private static readonly TenantTable s_table = new(
    [
        Tenant("Default", []),
        Tenant("riverbend", ["riverbend.localhost", "riverbend.example.com"], "riverbend"),
        Tenant("oak", ["oak.example.com", "www.oak.example.com"], null),
        Tenant("maple", [], "maple"),
        Tenant("pine", ["pine.example.com"], "pine-prefix"),
    ], 1);

    private static readonly TenantTable s_boundDefault = new(
    [
        Tenant("Default", ["cms.example.com"]),
        Tenant("maple", [], "maple"),
    ], 1);

    [Theory]
    // A host of a tenant's own wins over any prefix in the path.
    [InlineData("oak.example.com", "/maple/about", "oak", null)]
    // Several hosts for one tenant, matched case-insensitively and without a trailing dot.
    [InlineData("WWW.Oak.Example.com.", "/", "oak", null)]
    [InlineData("riverbend.example.com", "/", "riverbend", null)]
    // {name}.localhost reaches a tenant without registering the host.
    [InlineData("maple.localhost", "/articles", "maple", null)]
    // The prefix, when the host belongs to no tenant.
    [InlineData("localhost", "/maple/articles", "maple", "maple")]
    [InlineData("localhost", "/MAPLE", "maple", "maple")]
    [InlineData("203.0.113.7", "/riverbend/", "riverbend", "riverbend")]
    // A tenant with a host and a prefix answers on either.
    [InlineData("localhost", "/pine-prefix/", "pine", "pine-prefix")]
    [InlineData("pine.example.com", "/", "pine", null)]
    // Everything else falls to the Default tenant when it has no hosts of its own.
    [InlineData("localhost", "/", "Default", null)]
    [InlineData("anything.example.org", "/unknown-prefix/page", "Default", null)]
    public void ResolvesTheTenantOfARequest(string host, string path, string expected, string? expectedPrefix)
    {
        var match = HostThenPrefixTenantResolver.Resolve(s_table, host, path);

        Assert.NotNull(match);
        Assert.Equal(expected, match.Tenant.Name);
        Assert.Equal(expectedPrefix, match.Prefix);
    }

    [Theory]
    // An unknown {name}.localhost is nobody's, not the Default tenant's.
    [InlineData("nobody.localhost", "/")]
    // Default.localhost is not a way around the host's own host names.
    [InlineData("default.localhost", "/")]
    public void AnswersNobodyForUnknownLocalNames(string host, string path) =>
        Assert.Null(HostThenPrefixTenantResolver.Resolve(s_table, host, path));

    [Theory]
    [InlineData("cms.example.com", "/", "Default")]
    [InlineData("cms.example.com", "/maple/", "maple")]
    [InlineData("other.example.com", "/maple/", "maple")]
    public void ADefaultTenantWithHostsAnswersOnlyOnThem(string host, string path, string expected) =>
        Assert.Equal(expected, HostThenPrefixTenantResolver.Resolve(s_boundDefault, host, path)?.Tenant.Name);

    [Theory]
    [InlineData("other.example.com", "/")]
    [InlineData("other.example.com", "/unknown/")]
    public void AnUnknownHostIsNotFoundWhenTheDefaultTenantHasHosts(string host, string path) =>
        Assert.Null(HostThenPrefixTenantResolver.Resolve(s_boundDefault, host, path));

    [Fact]
    public void ADisabledTenantIsStillResolvedSoItCanAnswer503()
    {
        var table = new TenantTable([Tenant("maple", [], "maple") with { State = TenantState.Disabled }], 1);

        Assert.Equal(TenantState.Disabled, HostThenPrefixTenantResolver.Resolve(table, "localhost", "/maple/")?.Tenant.State);
    }

    private static TenantSettings Tenant(string name, string[] hosts, string? prefix = null) =>
        new(name, TenantState.Running, hosts, prefix, null, null, DateTimeOffset.UnixEpoch);
}
