using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;

namespace Cms.Admin.Definitions;

/// <summary>
/// Attaching, removing and ordering the parts of a type, on a copy of the definitions. As in Orchard, removing a
/// part leaves the items' data alone, so attaching it again shows what they had.
/// </summary>
public static class TypePartChanges
{
    public static void Add(ContentDefinitions definitions, ContentTypeDefinition type, NewPart request, List<string> errors)
    {
        if (PartCatalog.AvailableFor(type, definitions).FirstOrDefault(c => c.PartName == request.PartName) is not { } choice)
        {
            errors.Add(request.PartName is { Length: > 0 } taken && type.HasPart(taken)
                ? $"This type already has the part “{taken}”; it can have it once."
                : "Choose a part to add.");
            return;
        }

        var name = choice.Named ? request.Name?.Trim() ?? "" : choice.PartName;
        var settings = new JsonObject();
        if (choice.Named)
        {
            CheckName(definitions, type, name, errors);
            CheckContainedTypes(definitions, type, request.ContainedTypes, errors);
            settings["BagPartSettings"] = new JsonObject { ["ContainedContentTypes"] = new JsonArray(request.ContainedTypes.Distinct().Select(t => (JsonNode?)t).ToArray()) };
        }

        if (errors.Count > 0)
        {
            return;
        }

        var placement = new JsonObject { ["Position"] = NextPosition(type).ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(request.Label))
        {
            placement["DisplayName"] = request.Label.Trim();
        }

        settings[ContentNames.ContentTypePartSettings] = placement;
        type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = choice.PartName, Name = name, Settings = settings });
    }

    /// <summary>Changes which types a bag holds. Items already inside keep their data; the editor offers the new types.</summary>
    public static void SetContainedTypes(ContentDefinitions definitions, ContentTypeDefinition type, string? name, IReadOnlyList<string> contained, List<string> errors)
    {
        if (type.ContentTypePartDefinitionRecords.FirstOrDefault(p => p.Name == name && p.PartName == ContentNames.BagPart) is not { } bag)
        {
            errors.Add($"This type has no list of items “{name}” any more.");
            return;
        }

        CheckContainedTypes(definitions, type, contained, errors);
        if (errors.Count == 0)
        {
            bag.Settings["BagPartSettings"] = new JsonObject { ["ContainedContentTypes"] = new JsonArray(contained.Distinct().Select(t => (JsonNode?)t).ToArray()) };
        }
    }

    public static void Remove(ContentTypeDefinition type, string? name, List<string> errors)
    {
        if (type.ContentTypePartDefinitionRecords.RemoveAll(p => p.Name == name) == 0)
        {
            errors.Add($"This type has no part “{name}” any more.");
        }
    }

    /// <summary>Moves a part one place up (-1) or down (1); every part's position is written 0, 1, 2... in the new order.</summary>
    public static void Move(ContentTypeDefinition type, string? name, int direction, List<string> errors)
    {
        var parts = type.PartsInOrder.ToList();
        var index = parts.FindIndex(p => p.Name == name);
        var other = index + Math.Sign(direction);
        if (index < 0)
        {
            errors.Add($"This type has no part “{name}” any more.");
            return;
        }

        if (other < 0 || other >= parts.Count)
        {
            return;
        }

        (parts[index], parts[other]) = (parts[other], parts[index]);
        for (var i = 0; i < parts.Count; i++)
        {
            var placement = parts[i].Settings[ContentNames.ContentTypePartSettings] as JsonObject ?? [];
            placement["Position"] = i.ToString(CultureInfo.InvariantCulture);
            parts[i].Settings[ContentNames.ContentTypePartSettings] = placement;
        }
    }

    private static void CheckName(ContentDefinitions definitions, ContentTypeDefinition type, string name, List<string> errors)
    {
        if (!TechnicalName.IsValid(name))
        {
            errors.Add($"The part's name {TechnicalName.Rule}, like \"Memberships\" or \"Offices\".");
        }
        else if (type.ContentTypePartDefinitionRecords.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            || string.Equals(name, type.Name, StringComparison.OrdinalIgnoreCase)
            || ContentItem.IsEnvelopeKey(name)
            || definitions.FindPart(name) is not null
            || PartCatalog.BuiltIn.Any(c => string.Equals(c.PartName, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"The name “{name}” is taken; choose another, like \"{name}List\".");
        }
    }

    private static void CheckContainedTypes(ContentDefinitions definitions, ContentTypeDefinition type, IReadOnlyList<string> contained, List<string> errors)
    {
        if (contained.Count == 0)
        {
            errors.Add("Choose at least one type of item the list holds.");
        }

        foreach (var name in contained)
        {
            if (name == type.Name)
            {
                errors.Add($"A {type.DisplayName} cannot hold {type.DisplayName} items inside itself.");
            }
            else if (definitions.FindType(name) is null)
            {
                errors.Add($"There is no content type “{name}”.");
            }
        }
    }

    private static int NextPosition(ContentTypeDefinition type) =>
        type.ContentTypePartDefinitionRecords.Count == 0
            ? 0
            : Math.Max(type.ContentTypePartDefinitionRecords.Count, 1 + type.ContentTypePartDefinitionRecords
                .Select(p => (int)(SettingsReader.Number(p.Settings, ContentNames.ContentTypePartSettings, "Position") ?? 0)).Max());
}
