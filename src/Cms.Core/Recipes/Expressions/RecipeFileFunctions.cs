using System.Text.RegularExpressions;

namespace Cms.Recipes.Expressions;

/// <summary>
/// Orchard's <c>file:</c> engine: <c>text('path')</c> reads a file as text and <c>base64('path')</c> as base64,
/// with paths relative to the recipe's folder. A path that leaves <see cref="RecipeExpressionContext.FileRoot"/>
/// (the recipe folder unless set) is refused; none of the Orchard fixtures reach outside their folder.
/// </summary>
internal sealed partial class RecipeFileFunctions
{
    private readonly string? _folder;
    private readonly string? _root;
    private readonly Action<string>? _onUnsupported;

    public RecipeFileFunctions(RecipeExpressionContext context)
    {
        _onUnsupported = context.OnUnsupported;
        _folder = context.RecipeFolder is null ? null : Path.GetFullPath(context.RecipeFolder);
        var root = context.FileRoot ?? context.RecipeFolder;
        _root = root is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
    }

    /// <summary>Evaluates the body of a <c>[file:...]</c> expression.</summary>
    public string Evaluate(string body)
    {
        var call = Call().Match(body);
        if (!call.Success)
        {
            throw new ScriptFunctionException("a file expression must be text('relative/path') or base64('relative/path')");
        }

        var path = Resolve(call.Groups["path"].Value);
        try
        {
            return call.Groups["function"].Value == "text"
                ? File.ReadAllText(path)
                : Convert.ToBase64String(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException && _onUnsupported is not null)
        {
            _onUnsupported!($"The file '{call.Groups["path"].Value}' that the recipe reads is not beside it; the value is left empty.");
            return "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptFunctionException($"the file '{path}' could not be read: {e.Message}", e);
        }
    }

    private string Resolve(string relativePath)
    {
        if (_folder is null || _root is null)
        {
            throw new ScriptFunctionException("file expressions need the recipe's folder, and none was given");
        }

        // Recipes written on Windows use backslashes; Orchard's file providers accept both.
        var path = Path.GetFullPath(Path.Combine(_folder, relativePath.Replace('\\', '/')));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!path.StartsWith(_root, comparison))
        {
            throw new ScriptFunctionException($"the path '{relativePath}' leaves the folder '{_root}'");
        }

        return path;
    }

    [GeneratedRegex("""^\s*(?<function>text|base64)\(\s*(?<quote>['"])(?<path>.+?)\k<quote>\s*\)\s*$""")]
    private static partial Regex Call();
}
