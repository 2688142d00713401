namespace Cms.Security;

/// <summary>Claim types of our own; the tenant claim ties a sign-in to the tenant that issued it.</summary>
public static class CmsClaims
{
    public const string Tenant = "cms:tenant";

    /// <summary>The user's security stamp when the cookie was issued; a cookie naming an older one is refused.</summary>
    public const string SecurityStamp = "cms:stamp";

    /// <summary>The sign-in session, so that signing out ends this session on the server and not only in this browser.</summary>
    public const string Session = "cms:session";
}
