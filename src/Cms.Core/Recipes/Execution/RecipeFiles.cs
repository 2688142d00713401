namespace Cms.Recipes.Execution;

/// <summary>
/// The one rule for every file a recipe names (a media SourcePath, a <c>[file:...]</c> expression): a relative path,
/// resolved against the recipe's folder, that stays inside it and passes through no link. A recipe is untrusted input;
/// without this rule "../../../../etc/passwd" or a link beside the recipe reached any file the host can read. Links are
/// refused whether they point in or out: telling the two apart means following them, and a link can be changed
/// between that check and the read. A recipe that came without a folder (an upload) reads no file at all.
/// </summary>
internal sealed class RecipeFiles
{
    private readonly string? _root;

    /// <param name="folder">The recipe's folder; null for a recipe that came without one.</param>
    public RecipeFiles(string? folder)
    {
        _root = folder is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
    }

    /// <summary>The full path of a file the recipe may read, or why it may not (the file is then never opened).</summary>
    public (string? Path, string? Refusal) Find(string relativePath)
    {
        if (_root is null)
        {
            return (null, $"The recipe came without a folder (it was uploaded), so it cannot read the file '{relativePath}'; put the content in the recipe itself (Base64 for media), or import the recipe from its folder with the CLI.");
        }

        // Recipes written on Windows use backslashes; Orchard's file providers accept both.
        var path = relativePath.Replace('\\', '/');
        if (path.Length == 0)
        {
            return (null, "The file path is empty.");
        }

        if (Path.IsPathRooted(path))
        {
            return (null, $"The path '{relativePath}' is absolute; a recipe reads only files inside its own folder, named by a path relative to it.");
        }

        var full = Path.GetFullPath(Path.Combine(_root, path));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, comparison))
        {
            return (null, $"The path '{relativePath}' leads outside the recipe's folder; a recipe reads only files inside its own folder.");
        }

        for (var part = full; part.Length > _root.Length; part = Path.GetDirectoryName(part)!)
        {
            if (new FileInfo(part).LinkTarget is not null)
            {
                return (null, $"The path '{relativePath}' passes through a link ('{Path.GetRelativePath(_root, part)}'); a recipe reads no links, which could lead outside its folder.");
            }
        }

        return File.Exists(full) ? (full, null) : (null, $"The file '{relativePath}' is not in the recipe's folder.");
    }
}
