using System.Text.Json.Nodes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Walks a recipe and names, by JSON pointer, every name in it that neither Orchard Core 2.1 nor this project has:
/// header keys, steps and their properties, feature ids, themes, permissions, parts, fields, settings objects and
/// their properties, editors, and what content items hold for their parts and fields; for a setup recipe, also the
/// features it leaves off (<see cref="SetupRecipeFeatures"/>).
/// </summary>
internal sealed class RecipeNameCheck
{
    private readonly OrchardNames _names;
    private readonly List<string> _problems = [];

    // Every recipe's types (part name in the type → part) and parts (field → field type): the sample's items are of the setup recipe's types.
    private readonly Dictionary<string, Dictionary<string, string>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _parts = new(StringComparer.Ordinal);

    public RecipeNameCheck(OrchardNames names, IEnumerable<JsonObject> recipes)
    {
        _names = names;
        foreach (var step in recipes.SelectMany(r => r["steps"] as JsonArray ?? []).OfType<JsonObject>().Where(IsDefinitionStep))
        {
            foreach (var type in (step["ContentTypes"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var parts = Entry(_types, Text(type["Name"]));
                foreach (var part in (type["ContentTypePartDefinitionRecords"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    parts[Text(part["Name"]) is { Length: > 0 } name ? name : Text(part["PartName"])] = Text(part["PartName"]);
                }
            }

            foreach (var part in (step["ContentParts"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var fields = Entry(_parts, Text(part["Name"]));
                foreach (var field in (part["ContentPartFieldDefinitionRecords"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    fields[Text(field["Name"])] = Text(field["FieldName"]);
                }
            }
        }
    }

    public IReadOnlyList<string> Check(JsonObject recipe)
    {
        _problems.Clear();
        foreach (var (key, _) in recipe)
        {
            Expect(_names.Header.Contains(key) || _names.HeaderExact.Contains(key), "/" + Escape(key), $"'{key}' is not a recipe header property");
        }

        var steps = recipe["steps"] as JsonArray ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i] is JsonObject step)
            {
                CheckStep(step, $"/steps/{i}");
            }
        }

        if (recipe.Any(p => string.Equals(p.Key, "issetuprecipe", StringComparison.OrdinalIgnoreCase) && p.Value is JsonValue v && v.TryGetValue<bool>(out var setup) && setup))
        {
            _problems.AddRange(SetupRecipeFeatures.Missing(_names, [.. steps.OfType<JsonObject>()]));
        }

        return [.. _problems];
    }

    private void CheckStep(JsonObject step, string at)
    {
        var name = Text(step["name"]);
        if (!_names.Steps.TryGetValue(name, out var properties))
        {
            _problems.Add($"{at}/name: no step is named '{name}'");
            return;
        }

        foreach (var (key, _) in step.Where(p => p.Key != "name" && properties is not null))
        {
            Expect(properties!.Contains(key), $"{at}/{Escape(key)}", $"the {name} step has no property '{key}'");
        }

        switch (name.ToLowerInvariant())
        {
            case "feature":
                foreach (var list in new[] { "enable", "disable" })
                {
                    Each(step[list], $"{at}/{list}", (id, where) => Expect(_names.Features.Contains(id), where, $"no feature has the id '{id}'"));
                }

                break;
            case "themes":
                foreach (var (key, value) in step.Where(p => p.Key != "name"))
                {
                    Expect(_names.Features.Contains(Text(value)), $"{at}/{key}", $"no theme has the id '{Text(value)}'");
                }

                break;
            case "roles":
                var roles = step["Roles"] as JsonArray ?? [];
                for (var r = 0; r < roles.Count; r++)
                {
                    Each(roles[r]?["Permissions"], $"{at}/Roles/{r}/Permissions", (p, where) => Expect(_names.IsPermission(p), where, $"no permission is named '{p}'"));
                }

                break;
            case "contentdefinition" or "replacecontentdefinition":
                CheckDefinitions(step, at);
                break;
            case "content":
                var items = step.FirstOrDefault(p => string.Equals(p.Key, "data", StringComparison.OrdinalIgnoreCase)).Value as JsonArray ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    CheckItem(items[i] as JsonObject, $"{at}/data/{i}");
                }

                break;
            case "custom-settings":
                foreach (var (type, item) in step.Where(p => p.Key != "name"))
                {
                    Expect(_types.ContainsKey(type), $"{at}/{Escape(type)}", $"no content type is named '{type}'");
                    CheckItem(item as JsonObject, $"{at}/{Escape(type)}");
                }

                break;
        }
    }

    private void CheckDefinitions(JsonObject step, string at)
    {
        var types = step["ContentTypes"] as JsonArray ?? [];
        for (var t = 0; t < types.Count; t++)
        {
            var type = $"{at}/ContentTypes/{t}";
            Expect(_names.Types.Contains(Text(types[t]?["Name"])), type + "/Name", $"'{Text(types[t]?["Name"])}' is neither Orchard's nor one of this project's types");
            CheckSettings(types[t]?["Settings"], type + "/Settings");
            var parts = types[t]?["ContentTypePartDefinitionRecords"] as JsonArray ?? [];
            for (var p = 0; p < parts.Count; p++)
            {
                var part = $"{type}/ContentTypePartDefinitionRecords/{p}";
                var partName = Text(parts[p]?["PartName"]);
                Expect(_names.Parts.Contains(partName), part + "/PartName", $"no part is named '{partName}'");
                CheckSettings(parts[p]?["Settings"], part + "/Settings");
                CheckEditor(parts[p]?["Settings"]?["ContentTypePartSettings"], partName, part + "/Settings/ContentTypePartSettings/Editor");
            }
        }

        var definedParts = step["ContentParts"] as JsonArray ?? [];
        for (var p = 0; p < definedParts.Count; p++)
        {
            var part = $"{at}/ContentParts/{p}";
            Expect(_names.Parts.Contains(Text(definedParts[p]?["Name"])), part + "/Name", $"no part is named '{Text(definedParts[p]?["Name"])}'");
            CheckSettings(definedParts[p]?["Settings"], part + "/Settings");
            var fields = definedParts[p]?["ContentPartFieldDefinitionRecords"] as JsonArray ?? [];
            for (var f = 0; f < fields.Count; f++)
            {
                var field = $"{part}/ContentPartFieldDefinitionRecords/{f}";
                var fieldType = Text(fields[f]?["FieldName"]);
                Expect(_names.Fields.Contains(fieldType), field + "/FieldName", $"no field type is named '{fieldType}'");
                CheckSettings(fields[f]?["Settings"], field + "/Settings");
                CheckEditor(fields[f]?["Settings"]?["ContentPartFieldSettings"], fieldType, field + "/Settings/ContentPartFieldSettings/Editor");
            }
        }
    }

    private void CheckSettings(JsonNode? settings, string at)
    {
        foreach (var (name, block) in settings as JsonObject ?? [])
        {
            if (!_names.Settings.TryGetValue(name, out var properties))
            {
                _problems.Add($"{at}/{Escape(name)}: no settings object is named '{name}'");
                continue;
            }

            foreach (var (property, _) in block as JsonObject ?? [])
            {
                Expect(properties.Contains(property), $"{at}/{Escape(name)}/{Escape(property)}", $"{name} has no property '{property}'");
            }
        }
    }

    private void CheckEditor(JsonNode? display, string owner, string at)
    {
        if (Text(display?["Editor"]) is { Length: > 0 } editor)
        {
            Expect(_names.Editors.TryGetValue(owner, out var editors) && editors.Contains(editor), at, $"{owner} has no editor named '{editor}'");
        }
    }

    private void CheckItem(JsonObject? item, string at)
    {
        var typeName = Text(item?["ContentType"]);
        if (item is null || !_types.TryGetValue(typeName, out var parts))
        {
            _problems.Add($"{at}/ContentType: no content type is named '{typeName}'");
            return;
        }

        foreach (var (key, value) in item.Where(p => !_names.ContentItem.Contains(p.Key)))
        {
            var where = $"{at}/{Escape(key)}";
            if (!parts.TryGetValue(key, out var partName))
            {
                _problems.Add($"{where}: {typeName} has no part named '{key}'");
            }
            else if (_parts.TryGetValue(partName, out var fields) && partName == key && !_names.PartProperties.ContainsKey(partName))
            {
                CheckFields(value as JsonObject, fields, partName, where);
            }
            else if (!_names.PartProperties.TryGetValue(partName, out var properties))
            {
                _problems.Add($"{where}: {OrchardNames.FileName} lists no properties of the part '{partName}'");
            }
            else
            {
                foreach (var (property, _) in value as JsonObject ?? [])
                {
                    Expect(properties.Contains(property), $"{where}/{Escape(property)}", $"{partName} has no property '{property}'");
                }

                // Items held in an item: a bag's, and a menu's (Orchard's MenuItemsListPart).
                var (list, held) = partName switch
                {
                    "BagPart" => ("ContentItems", value?["ContentItems"] as JsonArray ?? []),
                    "MenuItemsListPart" => ("MenuItems", value?["MenuItems"] as JsonArray ?? []),
                    _ => ("", []),
                };
                for (var i = 0; i < held.Count; i++)
                {
                    CheckItem(held[i] as JsonObject, $"{where}/{list}/{i}");
                }
            }
        }
    }

    private void CheckFields(JsonObject? part, Dictionary<string, string> fields, string partName, string at)
    {
        foreach (var (name, value) in part ?? [])
        {
            var where = $"{at}/{Escape(name)}";
            if (!fields.TryGetValue(name, out var fieldType))
            {
                _problems.Add($"{where}: the part {partName} has no field named '{name}'");
                continue;
            }

            var properties = _names.FieldProperties.GetValueOrDefault(fieldType);
            foreach (var (property, _) in value as JsonObject ?? [])
            {
                Expect(properties?.Contains(property) == true, $"{where}/{Escape(property)}", $"{fieldType} has no property '{property}'");
            }
        }
    }

    private static void Each(JsonNode? array, string at, Action<string, string> check)
    {
        var list = array as JsonArray ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            check(Text(list[i]), $"{at}/{i}");
        }
    }

    private void Expect(bool known, string at, string problem)
    {
        if (!known)
        {
            _problems.Add($"{at}: {problem}");
        }
    }

    private static bool IsDefinitionStep(JsonObject step) =>
        Text(step["name"]).ToLowerInvariant() is "contentdefinition" or "replacecontentdefinition";

    private static Dictionary<string, string> Entry(Dictionary<string, Dictionary<string, string>> all, string name) =>
        all.TryGetValue(name, out var entry) ? entry : all[name] = new Dictionary<string, string>(StringComparer.Ordinal);

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
