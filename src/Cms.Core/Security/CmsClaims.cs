namespace Cms.Security;

/// <summary>Claim types of our own; the tenant claim ties a sign-in to the tenant that issued it.</summary>
public static class CmsClaims
{
    public const string Tenant = "cms:tenant";
}
