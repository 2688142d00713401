namespace Cms.Recipes.Execution;

/// <summary>
/// A recipe to run: opened once per pass (a recipe is read twice, checked then applied, never held in
/// memory whole), with the folder its <c>[file:...]</c> expressions and media SourcePaths are relative to.
/// </summary>
public sealed record RecipeSource(string Name, Func<Stream> Open, string? Folder)
{
    public static RecipeSource FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        return new RecipeSource(Path.GetFileName(full), () => File.OpenRead(full), Path.GetDirectoryName(full));
    }
}
