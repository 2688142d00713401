namespace Cms.Recipes.Expressions;

/// <summary>
/// Orchard's test for a scripted JSON string (RecipeExecutor.EvaluateJsonTree): it starts with <c>[</c>, ends
/// with <c>]</c>, and the characters before the first <c>:</c> are all letters. So <c>[foo]</c> and
/// <c>[1:2]</c> are plain strings. An empty prefix (<c>[:x]</c>) is not an expression either.
/// </summary>
internal static class ScriptExpression
{
    public static bool TryParse(string value, out string prefix, out string body)
    {
        prefix = body = "";
        if (value.Length < 3 || value[0] != '[' || value[^1] != ']')
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2)
        {
            return false;
        }

        foreach (var c in value.AsSpan(1, colon - 1))
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        prefix = value[1..colon];
        body = value[(colon + 1)..^1];
        return true;
    }
}
