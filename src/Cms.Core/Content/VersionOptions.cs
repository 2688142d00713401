namespace Cms.Content;

/// <summary>Which version of an item to read.</summary>
public enum VersionOptions
{
    /// <summary>The newest version, draft or published.</summary>
    Latest,

    /// <summary>The version the public sees.</summary>
    Published,

    /// <summary>The draft, only when there is one beside or instead of a published version.</summary>
    Draft,
}
