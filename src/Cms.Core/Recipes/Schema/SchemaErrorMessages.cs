using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Cms.Recipes.Schema;

/// <summary>
/// Turns JsonSchema.Net's list output into sentences a recipe author understands ("A content item needs a
/// ContentItemId.", "Published must be true or false, or a [js: ...] expression, not "yes"."), each with the JSON
/// pointer of the value from the recipe's root. Wording comes from the schema itself: the titles of its
/// definitions name the things, its "type" keywords say what was expected.
/// </summary>
internal sealed class SchemaErrorMessages
{
    private const string ExpressionDefinition = "#/$defs/expression";
    private const string ExpressionPhrase = "a [js: ...] expression";

    private readonly JsonNode _schema;

    public SchemaErrorMessages(JsonNode schema)
    {
        _schema = schema;
    }

    public IReadOnlyList<(string Pointer, string Message)> Describe(EvaluationResults results, JsonNode? instance, string root, string rootNoun)
    {
        var messages = new List<(string Pointer, string Message)>();

        // Alternatives fail together: every branch of a failing anyOf at one place becomes one message.
        var expected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var missingOneOf = new Dictionary<(string Location, string AnyOf), (string Noun, List<string> Names)>();
        foreach (var node in results.Details ?? [results])
        {
            if (node.Errors is not { Count: > 0 } errors || !FailedAllTheWayUp(node))
            {
                continue;
            }

            var location = node.InstanceLocation.ToString();
            var chain = Resolve(node.SchemaLocation);
            foreach (var (keyword, error) in errors)
            {
                if (keyword == "required")
                {
                    var noun = NounOf(chain) ?? rootNoun;
                    var missing = Missing(chain, instance, node);
                    if (missing.Count == 0)
                    {
                        // The schema location did not resolve: say what the library said rather than nothing.
                        messages.Add((root + location, $"{Label(location, rootNoun)}: {error}"));
                    }
                    else if (AnyOfBranch(node) is { } anyOf)
                    {
                        var entry = missingOneOf.TryGetValue((location, anyOf), out var found) ? found : missingOneOf[(location, anyOf)] = (noun, []);
                        entry.Names.AddRange(missing);
                    }
                    else
                    {
                        messages.AddRange(missing.Select(name => (root + location + "/" + Escape(name), $"{Capitalized(Article(noun))} needs {Article(name)}.")));
                    }
                }
                else if (Phrase(keyword, node, chain) is { } phrase)
                {
                    var phrases = expected.TryGetValue(location, out var list) ? list : expected[location] = [];
                    phrases.Add(phrase);
                }
                else
                {
                    messages.Add((root + location, $"{Label(location, rootNoun)}: {error}"));
                }
            }
        }

        foreach (var ((location, _), (noun, names)) in missingOneOf.Where(m => m.Value.Names.Count > 0))
        {
            messages.Add((root + location + "/" + Escape(names[0]), $"{Capitalized(Article(noun))} needs {string.Join(" or ", names.Select(Article))}."));
        }

        foreach (var (location, phrases) in expected)
        {
            messages.Add((root + location, $"{Label(location, rootNoun)} must be {Alternatives(phrases)}, not {Found(ValueAt(instance, JsonPointer.Parse(location)))}."));
        }

        return messages;
    }

    /// <summary>A failure counts only if nothing above it passed: a failing anyOf branch or "if" beside a passing one is no error.</summary>
    private static bool FailedAllTheWayUp(EvaluationResults node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.IsValid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The evaluation path of the anyOf whose branch this node is, or null.</summary>
    private static string? AnyOfBranch(EvaluationResults node)
    {
        var path = node.EvaluationPath.ToString();
        var index = path.LastIndexOf('/');
        var parent = index > 0 ? path[..index] : "";
        return parent.EndsWith("/anyOf", StringComparison.Ordinal) ? parent : null;
    }

    private static List<string> Missing(List<JsonNode> chain, JsonNode? instance, EvaluationResults node)
    {
        var target = ValueAt(instance, node.InstanceLocation);

        // Compared ordinally: the schema is case-sensitive even where the reader built a case-insensitive object.
        var present = target is JsonObject obj ? obj.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) : [];
        return chain.Count > 0 && chain[^1] is JsonObject schema && schema["required"] is JsonArray required
            ? [.. required.Select(r => r?.GetValue<string>()).OfType<string>().Where(name => !present.Contains(name))]
            : [];
    }

    private static JsonNode? ValueAt(JsonNode? instance, JsonPointer pointer) =>
        pointer.SegmentCount == 0 ? instance : instance is not null && pointer.TryEvaluate(instance, out var found) ? found : null;

    /// <summary>What the failing subschema asked for, in words; null for a keyword without a phrase.</summary>
    private static string? Phrase(string keyword, EvaluationResults node, List<JsonNode> chain)
    {
        if (node.SchemaLocation.OriginalString.EndsWith(ExpressionDefinition, StringComparison.Ordinal))
        {
            return ExpressionPhrase;
        }

        var schema = chain.Count > 0 ? chain[^1] as JsonObject : null;
        return keyword switch
        {
            "type" when schema?["type"] is { } type => Alternatives(TypeNames(type).Select(TypePhrase).ToList()),
            "minLength" when schema?["minLength"] is JsonValue min => min.GetValue<int>() == 1 ? "a non-empty string" : $"a string of at least {min} characters",
            "pattern" when schema?["title"] is JsonValue title => Article(title.GetValue<string>()),
            "pattern" when schema?["pattern"] is JsonValue pattern => $"text matching {pattern.GetValue<string>()}",
            _ => null,
        };
    }

    private static IEnumerable<string> TypeNames(JsonNode type) =>
        type is JsonArray types ? types.Select(t => t!.GetValue<string>()) : [type.GetValue<string>()];

    private static string TypePhrase(string type) => type switch
    {
        "string" => "a string",
        "boolean" => "true or false",
        "number" => "a number",
        "integer" => "a whole number",
        "object" => "an object",
        "array" => "an array",
        "null" => "null",
        _ => type,
    };

    private static string Alternatives(List<string> phrases)
    {
        // The expression goes last: it is the escape hatch, not what the property is about.
        var distinct = phrases.Distinct(StringComparer.Ordinal).OrderBy(p => p == ExpressionPhrase).ToList();
        return distinct.Count switch
        {
            1 => distinct[0],
            2 when !distinct[0].Contains(" or ", StringComparison.Ordinal) => $"{distinct[0]} or {distinct[1]}",
            _ => string.Join(", ", distinct[..^1]) + ", or " + distinct[^1],
        };
    }

    private static string Found(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String when value.GetValue<string>() is { Length: 0 } => "an empty string",
            JsonValueKind.String when value.GetValue<string>() is { Length: > 40 } text => $"\"{text[..40]}...\"",
            JsonValueKind.String => $"\"{value.GetValue<string>()}\"",
            JsonValueKind.Number => $"the number {value.ToJsonString()}",
            _ => value.ToJsonString(),
        },
    };

    /// <summary>How a message names the value: its property, "Item 2 of Permissions", or the piece itself.</summary>
    private static string Label(string location, string rootNoun)
    {
        var segments = location.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToArray();
        if (segments.Length == 0)
        {
            return $"The {rootNoun}";
        }

        var last = segments[^1];
        return int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out _) && segments.Length > 1
            ? $"Item {last} of {segments[^2]}"
            : last;
    }

    /// <summary>
    /// The schema nodes along a schema location, root first. Tolerant of a last segment that does not resolve:
    /// the library names some locations with a trailing extra segment (".../items/Roles", ".../then/3").
    /// </summary>
    private List<JsonNode> Resolve(Uri location)
    {
        var chain = new List<JsonNode>();
        var fragment = location.OriginalString;
        var hash = fragment.IndexOf('#', StringComparison.Ordinal);
        if (hash < 0 || !fragment.StartsWith(RecipeSchema.Id, StringComparison.Ordinal))
        {
            return chain;
        }

        var current = _schema;
        chain.Add(current);
        foreach (var segment in Uri.UnescapeDataString(fragment[(hash + 1)..]).Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))
        {
            JsonNode? next = current switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            chain.Add(current = next);
        }

        return chain;
    }

    private static string? NounOf(List<JsonNode> chain) =>
        Enumerable.Reverse(chain).OfType<JsonObject>().Select(n => n["title"]).OfType<JsonValue>().Select(t => t.GetValue<string>()).FirstOrDefault();

    private static string Article(string noun)
    {
        // Plural-looking names (Roles, Files, Templates) read better bare: "A media step needs Files."
        if (noun.Length > 1 && noun[^1] == 's' && char.IsUpper(noun[0]) && !noun.Contains(' ', StringComparison.Ordinal))
        {
            return noun;
        }

        return ("aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
