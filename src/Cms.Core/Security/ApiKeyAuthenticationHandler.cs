using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Security;

/// <summary>
/// Authenticates the hosting operator's automation by the configured API key. The key manages tenants
/// on the host (Default) and imports and exports recipes on any tenant.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string HeaderName = "X-Api-Key";

    private readonly IOptionsMonitor<HostAdminOptions> _hostOptions;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<HostAdminOptions> hostOptions)
        : base(options, logger, encoder)
    {
        _hostOptions = hostOptions;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var supplied))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = _hostOptions.CurrentValue.ApiKey;
        var tenant = Context.FindTenant();
        if (string.IsNullOrEmpty(expected) || tenant is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied.ToString()), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid here."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "api-key"), new Claim(ClaimTypes.Role, Roles.Administrator), new Claim(CmsClaims.Tenant, TenantSettings.DefaultName)],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    // Only a caller that sent a key gets this scheme's 401; anyone else gets the cookie scheme's answer (the login page).
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Request.Headers.ContainsKey(HeaderName) ? base.HandleChallengeAsync(properties) : Task.CompletedTask;

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Request.Headers.ContainsKey(HeaderName) ? base.HandleForbiddenAsync(properties) : Task.CompletedTask;
}
