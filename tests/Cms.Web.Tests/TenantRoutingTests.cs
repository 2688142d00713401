using System.Net;
using Cms.Tenancy;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

public sealed class TenantRoutingTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public TenantRoutingTests(CmsFactory factory)
    {
        _factory = factory;
        _factory.Client();
    }

    private TenantManager Tenants => _factory.Services.GetRequiredService<TenantManager>();

    [Fact]
    public async Task TwoTenantsServeTheirOwnContentAtTheSamePath()
    {
        await Tenants.CreateAsync(new CreateTenantRequest { Name = "cedar", Prefix = "cedar" }, default);
        await Tenants.CreateAsync(new CreateTenantRequest { Name = "birch", Hosts = ["birch.example.com"] }, default);

        var cedar = await _factory.Client().GetStringAsync("/cedar/");
        var birch = await _factory.Client("birch.example.com").GetStringAsync("/");
        var host = await _factory.Client().GetStringAsync("/");

        Assert.Contains("<title>cedar</title>", cedar, StringComparison.Ordinal);
        Assert.Contains("<title>birch</title>", birch, StringComparison.Ordinal);
        Assert.Contains("host administration", host, StringComparison.Ordinal);
        Assert.DoesNotContain("birch", cedar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDemoPracticeAnswersOnItsPrefixAndItsLocalHostName()
    {
        var byPrefix = await _factory.Client().GetAsync("/riverbend/");
        var byHost = await _factory.Client("riverbend.localhost").GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, byPrefix.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHost.StatusCode);
        Assert.Contains("riverbend", await byHost.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledTenantAnswers503UntilEnabledAgain()
    {
        await Tenants.CreateAsync(new CreateTenantRequest { Name = "willow", Prefix = "willow" }, default);
        await Tenants.DisableAsync("willow", default);

        var disabled = await _factory.Client().GetAsync("/willow/");
        await Tenants.EnableAsync("willow", default);
        var enabled = await _factory.Client().GetAsync("/willow/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, disabled.StatusCode);
        Assert.Contains("switched off", await disabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
    }

    [Fact]
    public async Task ATenantNotSetUpSaysSo()
    {
        var store = _factory.Services.GetRequiredService<TenantStore>();
        await store.AddAsync(new TenantSettings("hazel", TenantState.Uninitialized, [], "hazel", null, null, DateTimeOffset.UtcNow), default);
        await _factory.Services.GetRequiredService<TenantRegistry>().RefreshAsync(default);

        var response = await _factory.Client().GetAsync("/hazel/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("has not been set up", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody.localhost", "/")]
    [InlineData("localhost", "/no-such-page")]
    [InlineData("localhost", "/riverbend/no-such-page")]
    public async Task UnknownAddressesAre404(string host, string path)
    {
        var response = await _factory.Client(host).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HealthAnswersWhateverTheHostName()
    {
        var response = await _factory.Client("10.1.2.3").GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
