using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes.Expressions;

/// <summary>
/// Evaluates Orchard's script expressions (<c>"[js: uuid()]"</c>, <c>"[file:text('a.html')]"</c>) in recipe JSON.
/// Create one per recipe execution: its JavaScript engine and evaluated variables are shared by every step.
/// Not thread-safe.
/// </summary>
internal sealed class RecipeExpressions : IDisposable
{
    // A script whose result is always another expression would otherwise loop for ever.
    private const int MaxRounds = 100;

    private readonly RecipeScriptEngine _scripts;
    private readonly RecipeFileFunctions _files;

    public RecipeExpressions(RecipeExpressionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _files = new RecipeFileFunctions(context);
        _scripts = new RecipeScriptEngine(context, EvaluateValue);
    }

    /// <summary>
    /// Replaces, in place, every string in <paramref name="node"/> that is an expression by its result.
    /// Returns <paramref name="node"/>, or the replacement when <paramref name="node"/> is itself an expression string.
    /// </summary>
    /// <exception cref="RecipeExpressionException">An expression failed; nodes evaluated before it keep their new values.</exception>
    public JsonNode? EvaluateTree(JsonNode? node, CancellationToken ct)
    {
        switch (node)
        {
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    var child = obj.GetAt(i).Value;
                    if (EvaluateTree(child, ct) is var evaluated && !ReferenceEquals(evaluated, child))
                    {
                        obj.SetAt(i, evaluated);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var child = array[i];
                    if (EvaluateTree(child, ct) is var evaluated && !ReferenceEquals(evaluated, child))
                    {
                        array[i] = evaluated;
                    }
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (ScriptExpression.TryParse(text, out _, out _))
                {
                    ct.ThrowIfCancellationRequested();
                    return JsonValue.Create(EvaluateValue(text));
                }

                break;
        }

        return node;
    }

    /// <summary>
    /// The value of one JSON string: evaluated while it is an expression, as Orchard does; returned unchanged
    /// when it is not one.
    /// </summary>
    /// <exception cref="RecipeExpressionException">Unknown prefix or function, or a script or file error.</exception>
    public string EvaluateValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var round = 0; ScriptExpression.TryParse(value, out var prefix, out var body); round++)
        {
            if (round == MaxRounds)
            {
                throw new RecipeExpressionException(value, $"it still gives an expression after {MaxRounds} evaluations");
            }

            value = prefix switch
            {
                "js" => _scripts.Evaluate(value, body),
                "file" => EvaluateFile(value, body),
                _ => throw new RecipeExpressionException(value, $"unknown prefix '{prefix}'; recipes support 'js:' and 'file:'"),
            };
        }

        return value;
    }

    public void Dispose() => _scripts.Dispose();

    private string EvaluateFile(string expression, string body)
    {
        try
        {
            return _files.Evaluate(body);
        }
        catch (ScriptFunctionException e)
        {
            throw new RecipeExpressionException(expression, e.Message, e);
        }
    }
}
