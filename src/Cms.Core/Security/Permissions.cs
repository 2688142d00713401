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
    public const string ManageOwnMediaContent = "ManageOwnMediaContent";
    public const string ManageSettings = "ManageSettings";
    public const string ManageTemplates = "ManageTemplates";
    public const string EditContentTypes = "EditContentTypes";
    public const string ManageUsers = "ManageUsers";
    public const string ManageRoles = "ManageRoles";
    public const string Import = "Import";
    public const string Export = "Export";
    public const string ManageFeatures = "ManageFeatures";

    /// <summary>Every permission, grouped and in the order the roles page lists them, with what it allows in words.</summary>
    public static readonly IReadOnlyList<PermissionGroup> Groups =
    [
        new("Admin", [(AccessAdminPanel, "Sign in to the admin at all; without it the other rights do nothing.")]),
        new("Articles, series and counselor profiles",
        [
            (ViewContent, "See everyone's content in the admin, drafts included."),
            (EditOwnContent, "Write new articles and edit the ones they wrote."),
            (EditContent, "Edit anyone's content, counselor profiles and series included."),
            (PreviewContent, "Preview a draft as the site will show it."),
            (PublishOwnContent, "Publish and unpublish what they wrote."),
            (PublishContent, "Publish and unpublish anyone's content."),
            (DeleteOwnContent, "Delete what they wrote."),
            (DeleteContent, "Delete anyone's content."),
        ]),
        new("Images",
        [
            (ManageOwnMediaContent, "Upload images for what they write."),
            (ManageMediaContent, "Manage every image in the library."),
        ]),
        new("Site setup",
        [
            (ManageSettings, "Change the practice settings: name, address, phone, booking link, colour."),
            (ManageTemplates, "Change how the site's pages are laid out (templates)."),
            (EditContentTypes, "Change which fields articles, counselors and other content have."),
            (ManageFeatures, "Turn the site's features on and off (the practice's public site, say)."),
        ]),
        new("People",
        [
            (ManageUsers, "Add users, set their roles and passwords, disable them."),
            (ManageRoles, "Change what each role may do (this page)."),
        ]),
        new("Import and export",
        [
            (Import, "Import a recipe file: content and settings, possibly replacing what is there."),
            (Export, "Download the site's content and settings as a recipe file."),
        ]),
    ];

    /// <summary>Every permission with what it allows in words, in the order of <see cref="Groups"/>.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All = [.. Groups.SelectMany(g => g.Permissions)];

    /// <summary>
    /// The name a permission has now for one this site stored or exported under an earlier name: "ManageOwnMedia", the C# field
    /// name of Orchard's permission, was used instead of its name, ManageOwnMediaContent, so Orchard granted nothing for it.
    /// </summary>
    public static string CurrentName(string permission) => permission == "ManageOwnMedia" ? ManageOwnMediaContent : permission;

    /// <summary>Whether the name is one of this site's permissions (a Roles document may hold others, from Orchard).</summary>
    public static bool IsKnown(string permission) => All.Any(p => p.Name == permission);

    /// <summary>What an "own" permission is implied by: whoever may edit anything may edit their own.</summary>
    public static string? BroaderOf(string permission) => permission switch
    {
        EditOwnContent => EditContent,
        PublishOwnContent => PublishContent,
        DeleteOwnContent => DeleteContent,
        ManageOwnMediaContent => ManageMediaContent,
        _ => null,
    };
}
