namespace Cms.Bench;

/// <summary>A recipe file the bench wrote: how many articles and items (with the counselors) it holds, its size, and the articles' mean Markdown length.</summary>
internal sealed record GeneratedRecipe(string Path, int Articles, int Items, long Bytes, double MeanMarkdownBytes);
