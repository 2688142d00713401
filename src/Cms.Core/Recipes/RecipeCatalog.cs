using System.Text.Json;
using Cms.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Recipes;

/// <summary>The recipes shipped with the host (the repository's <c>recipes/</c> folder), found by their <c>name</c>.</summary>
internal sealed class RecipeCatalog
{
    private static readonly JsonDocumentOptions s_orchardJson = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Lazy<IReadOnlyList<RecipeDescriptor>> _recipes;

    public RecipeCatalog(IOptions<CmsOptions> options, ILogger<RecipeCatalog> logger)
    {
        var folder = Path.GetFullPath(options.Value.RecipesPath, AppContext.BaseDirectory);
        _recipes = new Lazy<IReadOnlyList<RecipeDescriptor>>(() => Load(folder, logger));
    }

    public IReadOnlyList<RecipeDescriptor> Recipes => _recipes.Value;

    public RecipeDescriptor? Find(string name) =>
        Recipes.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<RecipeDescriptor> Load(string folder, ILogger logger)
    {
        var recipes = new List<RecipeDescriptor>();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Recipe folder {Folder} does not exist; no recipes are available", folder);
            return recipes;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file), s_orchardJson);
                var root = document.RootElement;
                recipes.Add(new RecipeDescriptor(
                    Property(root, "name") ?? Path.GetFileName(file).Replace(".recipe.json", "", StringComparison.Ordinal),
                    Property(root, "displayName"),
                    Property(root, "description"),
                    TryBool(root, "issetuprecipe"),
                    file));
            }
            catch (JsonException e)
            {
                logger.LogWarning("Recipe {File} is not valid JSON and is skipped: {Error}", file, e.Message);
            }
        }

        return recipes;
    }

    // Orchard reads recipe headers case-insensitively.
    private static JsonElement? Find(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? Property(JsonElement root, string name) =>
        Find(root, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static bool TryBool(JsonElement root, string name) =>
        Find(root, name) is { ValueKind: JsonValueKind.True };
}
