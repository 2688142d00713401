using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Cms.Recipes.Schema;

/// <summary>
/// The published recipe schema (recipes/recipe.schema.json, embedded), checked one piece at a time: the engine
/// streams recipes, so it validates the header, each step without its data array and each content item on its
/// own, each against its own part of the schema. Build once and share: evaluation keeps no state.
/// </summary>
internal sealed class RecipeSchema
{
    public const string Id = "https://practice-cms.example/schemas/recipe.schema.json";

    private const string ResourceName = "recipe.schema.json";

    private readonly Piece _header;
    private readonly Piece _step;
    private readonly Piece _item;
    private readonly SchemaErrorMessages _messages;

    // Flag output stops at the first failure and allocates little: the common case (a valid item) pays only
    // that; a failing piece is evaluated again with the full list to say everything that is wrong with it.
    private readonly EvaluationOptions _quick = new() { OutputFormat = OutputFormat.Flag };
    private readonly EvaluationOptions _detailed = new() { OutputFormat = OutputFormat.List };

    public RecipeSchema()
    {
        var text = ReadResource();

        // A registry of our own: the global one is process-wide state, and a second instance would collide with it.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(text, options);
        var document = JsonNode.Parse(text)!;
        _messages = new SchemaErrorMessages(document);
        _header = Piece.Of("header", document, options);
        _step = Piece.Of("step", document, options);
        _item = Piece.Of("contentItem", document, options);
    }

    /// <summary>The recipe's top-level properties other than <c>steps</c>.</summary>
    public IReadOnlyList<(string Pointer, string Message)> ValidateHeader(JsonObject header) => Validate(_header, header, "");

    /// <summary>A step as the reader hands it over: every property except its streamed <c>data</c> array.</summary>
    public IReadOnlyList<(string Pointer, string Message)> ValidateStep(int stepIndex, JsonObject step) =>
        Validate(_step, step, $"/steps/{stepIndex}");

    /// <summary>One element of a <c>content</c> step's <c>data</c> array (other steps' data arrays hold other things).</summary>
    public IReadOnlyList<(string Pointer, string Message)> ValidateItem(int stepIndex, int itemIndex, JsonNode? item) =>
        Validate(_item, item, $"/steps/{stepIndex}/data/{itemIndex}");

    private IReadOnlyList<(string Pointer, string Message)> Validate(Piece piece, JsonNode? instance, string pointer)
    {
        // A pooled document, returned on dispose: half the cost of SerializeToElement's copy, and this runs per item.
        using var document = JsonSerializer.SerializeToDocument(instance);
        if (piece.Schema.Evaluate(document.RootElement, _quick).IsValid)
        {
            return [];
        }

        return _messages.Describe(piece.Schema.Evaluate(document.RootElement, _detailed), instance, pointer, piece.Noun);
    }

    private static string ReadResource()
    {
        using var stream = typeof(RecipeSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(RecipeSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A wrapper schema that points into the recipe schema's $defs, so one piece can be evaluated alone.</summary>
    private sealed record Piece(JsonSchema Schema, string Noun)
    {
        public static Piece Of(string definition, JsonNode document, BuildOptions options)
        {
            var wrapper = new JsonObject { ["$ref"] = $"{Id}#/$defs/{definition}" }.ToJsonString();
            var noun = document["$defs"]?[definition]?["title"]?.GetValue<string>() ?? definition;
            return new Piece(JsonSchema.FromText(wrapper, options), noun);
        }
    }
}
