namespace Cms.Admin;

/// <summary>An item a content picker offers or holds: what the picker shows of it (also the JSON of /admin/content/choices).</summary>
public sealed record ContentChoice(string Id, string Title, string Type, string Status)
{
    public const string Published = "published";
    public const string Draft = "draft";

    /// <summary>An id the field holds whose item is gone (deleted since it was picked).</summary>
    public const string Missing = "missing";
}
