namespace Cms.Recipes.Reading;

/// <summary>
/// Reads an Orchard recipe from a UTF-8 stream and hands it to an <see cref="IRecipeVisitor"/> header first, then
/// step by step and item by item, never holding the whole file or a whole <c>data</c> array.
/// Comments and trailing commas are accepted and a UTF-8 BOM is skipped, as in Orchard.
/// Bad JSON or a badly shaped recipe raises <see cref="RecipeFormatException"/>.
/// </summary>
internal static class RecipeReader
{
    public const int DefaultBufferSize = 64 * 1024;

    public static Task ReadAsync(Stream utf8Json, IRecipeVisitor visitor, CancellationToken ct) =>
        ReadAsync(utf8Json, visitor, DefaultBufferSize, ct);

    /// <param name="initialBufferSize">Where reading starts; the buffer grows (doubling) only to fit a single larger value.</param>
    public static async Task ReadAsync(Stream utf8Json, IRecipeVisitor visitor, int initialBufferSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(visitor);
        using var walker = new RecipeStreamWalker(utf8Json, visitor, initialBufferSize);
        await walker.WalkAsync(ct);
    }
}
