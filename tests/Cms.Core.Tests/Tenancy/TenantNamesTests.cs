using Cms.Tenancy;

namespace Cms.Core.Tests.Tenancy;

public sealed class TenantNamesTests
{
    [Theory]
    [InlineData("riverbend", true)]
    [InlineData("Oak-Counseling-2", true)]
    [InlineData("", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("has space", false)]
    [InlineData("under_score", false)]
    [InlineData("café", false)]
    public void AcceptsLettersDigitsAndHyphensOnly(string name, bool valid) =>
        Assert.Equal(valid, TenantNames.CheckName(name) is null);

    [Theory]
    [InlineData("api")]
    [InlineData("ADMIN")]
    [InlineData("health")]
    public void RefusesPrefixesTheHostAnswersOn(string prefix) =>
        Assert.Contains("used by the host", TenantNames.CheckPrefix(prefix), StringComparison.Ordinal);

    [Theory]
    [InlineData("practice.example.com", true)]
    [InlineData("riverbend.localhost", true)]
    [InlineData("10.0.0.5", true)]
    [InlineData("practice.example.com:8080", false)]
    [InlineData("https://practice.example.com", false)]
    [InlineData("bad_host!", false)]
    public void AcceptsBareHostNames(string host, bool valid) =>
        Assert.Equal(valid, TenantNames.CheckHost(host) is null);
}
