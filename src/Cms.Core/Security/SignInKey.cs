namespace Cms.Security;

/// <summary>What one sign-in attempt is counted under (see <see cref="SignInThrottle"/>).</summary>
internal sealed record SignInKey(string Tenant, string NormalizedUserName, string Name, string NameAndAddress, bool KnownBrowser);
