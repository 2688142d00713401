namespace Cms.Security;

/// <summary>
/// What a role may do in a practice's admin, by Orchard Core's permission names (so a Roles step from Orchard
/// means the same here). Administrator has every permission without listing them.
/// </summary>
public static class Permissions
{
    public const string AccessAdminPanel = "AccessAdminPanel";
    public const string ViewContent = "ViewContent";
    public const string EditContent = "EditContent";
    public const string EditOwnContent = "EditOwnContent";
    public const string PublishContent = "PublishContent";
    public const string PublishOwnContent = "PublishOwnContent";
    public const string DeleteContent = "DeleteContent";
    public const string DeleteOwnContent = "DeleteOwnContent";
    public const string PreviewContent = "PreviewContent";
    public const string ManageMediaContent = "ManageMediaContent";
    public const string ManageOwnMedia = "ManageOwnMedia";
    public const string ManageSettings = "ManageSettings";
    public const string ManageTemplates = "ManageTemplates";
    public const string EditContentTypes = "EditContentTypes";
    public const string ManageUsers = "ManageUsers";
    public const string ManageRoles = "ManageRoles";
    public const string Import = "Import";
    public const string Export = "Export";

    /// <summary>Every permission, in the order the roles page lists them, with what it allows in words.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (AccessAdminPanel, "Sign in to the admin"),
        (ViewContent, "See all content in the admin, drafts included"),
        (EditOwnContent, "Write and edit their own articles"),
        (EditContent, "Edit anyone's content"),
        (PublishOwnContent, "Publish their own articles"),
        (PublishContent, "Publish anyone's content"),
        (DeleteOwnContent, "Delete their own articles"),
        (DeleteContent, "Delete anyone's content"),
        (PreviewContent, "Preview drafts as the site will show them"),
        (ManageOwnMedia, "Upload images"),
        (ManageMediaContent, "Manage the whole media library"),
        (ManageSettings, "Change the practice settings"),
        (ManageTemplates, "Override the site's templates"),
        (EditContentTypes, "Change content types, parts and fields"),
        (ManageUsers, "Add users, reset passwords, set roles"),
        (ManageRoles, "Change what each role may do"),
        (Import, "Import recipes"),
        (Export, "Export recipes"),
    ];

    /// <summary>What an "own" permission is implied by: whoever may edit anything may edit their own.</summary>
    public static string? BroaderOf(string permission) => permission switch
    {
        EditOwnContent => EditContent,
        PublishOwnContent => PublishContent,
        DeleteOwnContent => DeleteContent,
        ManageOwnMedia => ManageMediaContent,
        _ => null,
    };
}
