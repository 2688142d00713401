using System.Text.RegularExpressions;
using Cms.Recipes.Execution;
using Cms.Recipes.Reading;

namespace Cms.Recipes.Expressions;

/// <summary>
/// Orchard's <c>file:</c> engine: <c>text('path')</c> reads a file as text and <c>base64('path')</c> as base64, by
/// the rule every file a recipe reads follows (<see cref="RecipeFiles"/>). A file it may not read gives "" and a
/// message, as a missing one does; a file whose value would pass the recipe value limit is refused.
/// </summary>
internal sealed partial class RecipeFileFunctions
{
    private readonly RecipeFiles _files;
    private readonly Action<string>? _onUnsupported;

    public RecipeFileFunctions(RecipeExpressionContext context)
    {
        _onUnsupported = context.OnUnsupported;
        _files = new RecipeFiles(context.RecipeFolder);
    }

    /// <summary>Evaluates the body of a <c>[file:...]</c> expression.</summary>
    public string Evaluate(string body)
    {
        var call = Call().Match(body);
        if (!call.Success)
        {
            throw new ScriptFunctionException("a file expression must be text('relative/path') or base64('relative/path')");
        }

        var name = call.Groups["path"].Value;
        var asText = call.Groups["function"].Value == "text";
        var (path, refusal) = _files.Find(name);
        if (path is null)
        {
            if (_onUnsupported is null)
            {
                throw new ScriptFunctionException(refusal!);
            }

            _onUnsupported($"{refusal} The value is left empty.");
            return "";
        }

        try
        {
            var length = new FileInfo(path).Length;
            if ((asText ? length : (length + 2) / 3 * 4) > RecipeLimits.MaxStringBytes)
            {
                throw new ScriptFunctionException($"the file '{name}' is {length / 1024.0 / 1024.0:0.0} MB; a value in a recipe can be at most {RecipeLimits.MaxStringBytes / 1024 / 1024} MB");
            }

            return asText ? File.ReadAllText(path) : Convert.ToBase64String(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScriptFunctionException($"the file '{name}' could not be read: {e.Message}", e);
        }
    }

    [GeneratedRegex("""^\s*(?<function>text|base64)\(\s*(?<quote>['"])(?<path>.+?)\k<quote>\s*\)\s*$""")]
    private static partial Regex Call();
}
