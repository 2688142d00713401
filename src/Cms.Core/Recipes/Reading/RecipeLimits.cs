namespace Cms.Recipes.Reading;

/// <summary>
/// How much of a recipe is held in memory at once. A recipe is streamed, but each content item, and each step without
/// its data array, is read whole; these limits make the most memory a hostile recipe can ask for a small, known amount,
/// refused before it is buffered, not after (a 200 MB string used to crash the reader).
/// </summary>
internal static class RecipeLimits
{
    /// <summary>
    /// The longest string (or property name) a recipe may hold, in bytes as written in the file (escapes included):
    /// 8 MB, several times the longest article, and room for a media file of the upload limit (5 MB) as Base64.
    /// </summary>
    public const int MaxStringBytes = 8 * 1024 * 1024;

    /// <summary>The most held at once: one content item, one step without its data array, or the recipe's header, in bytes as written.</summary>
    public const int MaxValueBytes = 16 * 1024 * 1024;
}
