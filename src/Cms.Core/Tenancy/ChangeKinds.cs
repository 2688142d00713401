namespace Cms.Tenancy;

/// <summary>What a <see cref="TenantChange"/> touched, so a receiver can tell an article's publish from a new content type.</summary>
[Flags]
public enum ChangeKinds
{
    None = 0,

    /// <summary>Content items the public site shows: published, unpublished, deleted, reordered, imported.</summary>
    Content = 1,

    /// <summary>Content types and parts.</summary>
    Definitions = 2,

    /// <summary>Site settings and custom settings.</summary>
    Settings = 4,

    Templates = 8,

    Roles = 16,

    /// <summary>User accounts and their sessions (roles given, disabled, signed out everywhere).</summary>
    Users = 32,

    Features = 64,

    /// <summary>The tenant's registry row: created, moved, disabled, enabled, removed.</summary>
    Registry = 128,

    /// <summary>Files of the media library replaced: pages link them by a version of their content.</summary>
    Media = 256,
}
