namespace Cms.Security;

/// <summary>The built-in roles every tenant has.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
}
