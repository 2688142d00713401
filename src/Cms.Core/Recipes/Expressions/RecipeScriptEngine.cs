using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Expressions;

/// <summary>
/// The <c>js:</c> engine of one recipe execution: one Jint engine, reused for every expression, with Orchard's
/// recipe functions and a time and statement limit per script.
/// </summary>
internal sealed class RecipeScriptEngine : IDisposable
{
    private readonly RecipeExpressionContext _context;
    private readonly Func<string, string> _evaluateValue;
    private readonly Engine _engine;
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsValue> _evaluatedVariables = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _variablesBeingEvaluated = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="evaluateValue">Evaluates a variable's own expression (any prefix, repeated) to a string.</param>
    public RecipeScriptEngine(RecipeExpressionContext context, Func<string, string> evaluateValue)
    {
        _context = context;
        _evaluateValue = evaluateValue;
        foreach (var (name, value) in context.Variables ?? [])
        {
            _variables[name] = value;
        }

        _engine = new Engine(options => options
            .TimeoutInterval(context.ScriptTimeout)
            .MaxStatements(context.MaxScriptStatements)
            .LimitRecursion(256));
        Define("uuid", _ => context.NewId());
        Define("base64", args => Base64(StringArgument(args, "base64")));
        Define("html", args => WebUtility.HtmlDecode(StringArgument(args, "html")));
        Define("gzip", args => Gzip(StringArgument(args, "gzip")));
        Define("variables", args => Variable(StringArgument(args, "variables")));
        Define("parameters", args => Parameter(StringArgument(args, "parameters")));
        Define("configuration", args => context.Configuration(StringArgument(args, "configuration")) is { } value
            ? value
            : args.Length > 1 ? args[1] : JsValue.Null);
        Define("tenantname", _ => context.TenantName);
        Define("getUrlPrefix", args => context.UrlPrefix + (args.Length > 0 ? StringArgument(args, "getUrlPrefix") : ""));
        Define("createWorkflowToken", _ => Unsupported("createWorkflowToken(): workflows are not part of this host; the token is left empty."));
        Define("log", Log);
    }

    /// <summary>Runs <paramref name="script"/> and converts its result to a string, as Orchard does.</summary>
    public string Evaluate(string expression, string script)
    {
        try
        {
            return ToRecipeString(_engine.Evaluate(script));
        }
        catch (ScriptFunctionException e)
        {
            throw new RecipeExpressionException(expression, e.Message, e);
        }
        catch (JavaScriptException e)
        {
            throw new RecipeExpressionException(expression, $"script error: {e.Message}", e);
        }
        catch (TimeoutException e)
        {
            throw new RecipeExpressionException(expression, $"the script ran longer than {_context.ScriptTimeout.TotalSeconds:0.###} s and was stopped", e);
        }
        catch (StatementsCountOverflowException e)
        {
            throw new RecipeExpressionException(expression, $"the script ran more than {_context.MaxScriptStatements} statements and was stopped", e);
        }
        catch (JintException e)
        {
            throw new RecipeExpressionException(expression, $"script error: {e.Message}", e);
        }
    }

    public void Dispose() => _engine.Dispose();

    // Orchard turns the result into a .NET object and calls ToString(): null becomes "", booleans "True"/"False".
    // Other values use JavaScript's String(), which agrees for strings and numbers and is readable for the rest.
    private static string ToRecipeString(JsValue value) => value switch
    {
        _ when value.IsNull() || value.IsUndefined() => "",
        JsBoolean boolean => boolean.ToString() == "true" ? bool.TrueString : bool.FalseString,
        _ => TypeConverter.ToString(value),
    };

    private void Define(string name, Func<JsValue[], JsValue> function) =>
        _engine.SetValue(name, new ClrFunction(_engine, name, (_, args) => function(args)));

    private JsValue Unsupported(string message)
    {
        if (_context.OnUnsupported is null)
        {
            throw new ScriptFunctionException(message);
        }

        _context.OnUnsupported(message);
        return "";
    }

    private static string StringArgument(JsValue[] args, string function) =>
        args.Length > 0 && !args[0].IsUndefined() && !args[0].IsNull()
            ? TypeConverter.ToString(args[0])
            : throw new ScriptFunctionException($"{function}() needs a string argument");

    private static string Base64(string encoded)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException e)
        {
            throw new ScriptFunctionException("base64() was given text that is not base64", e);
        }
    }

    private static string Gzip(string encoded)
    {
        try
        {
            using var compressed = new MemoryStream(Convert.FromBase64String(encoded));
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new ScriptFunctionException("gzip() was given text that is not base64-encoded gzip data", e);
        }
    }

    // Orchard evaluates a variable on first use and keeps the result for every later step of the execution.
    private JsValue Variable(string name)
    {
        if (_evaluatedVariables.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_variables.TryGetValue(name, out var node))
        {
            throw new ScriptFunctionException($"the recipe has no variable '{name}'");
        }

        if (!_variablesBeingEvaluated.Add(name))
        {
            throw new ScriptFunctionException($"the variable '{name}' depends on itself");
        }

        try
        {
            var value = node is JsonValue text && text.GetValueKind() == JsonValueKind.String
                ? EvaluateVariable(name, text.GetValue<string>())
                : node is null ? JsValue.Null : new JsonParser(_engine).Parse(node.ToJsonString());
            _evaluatedVariables[name] = value;
            return value;
        }
        finally
        {
            _variablesBeingEvaluated.Remove(name);
        }
    }

    private JsString EvaluateVariable(string name, string value)
    {
        try
        {
            return new JsString(_evaluateValue(value));
        }
        catch (RecipeExpressionException e)
        {
            throw new ScriptFunctionException($"the variable '{name}' could not be evaluated: {e.Message}", e);
        }
    }

    private JsValue Parameter(string name) =>
        _context.Parameters.TryGetValue(name, out var value)
            ? JsValue.FromObject(_engine, value)
            : throw new ScriptFunctionException($"no parameter '{name}' was supplied to the recipe");

    // Orchard's form is log(level, text): a known level name first picks the level, Information otherwise.
    private JsValue Log(JsValue[] args)
    {
        var level = LogLevel.Information;
        var text = args.Select(ToRecipeString);
        if (args.Length > 1 && args[0].IsString() && Enum.TryParse<LogLevel>(args[0].AsString(), ignoreCase: true, out var named))
        {
            level = named;
            text = text.Skip(1);
        }

        _context.Logger.Log(level, "Recipe script: {Message}", string.Join(' ', text));
        return JsValue.Undefined;
    }
}
