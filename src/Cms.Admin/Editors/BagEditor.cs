using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Editors;

/// <summary>
/// The editor of a bag (Orchard's BagPart): the items inside it in order, each with the editors of its own type, kept
/// in Orchard's shape (<c>"Memberships": { "ContentItems": [ { "ContentItemId", "ContentType", parts... } ] }</c>). The
/// inputs of an item are named after its place ("Memberships.ContentItems.0.Membership.Organization"), where the checks
/// on saving report its problems too. Adding, removing and moving items are plain form posts that save nothing.
/// </summary>
public sealed class BagEditor
{
    private readonly ContentDefinitions _definitions;

    private BagEditor(string name, IReadOnlyList<ContentTypeDefinition> containedTypes, IReadOnlyList<BagRow> rows, ContentDefinitions definitions)
    {
        Name = name;
        ContainedTypes = containedTypes;
        Rows = rows;
        _definitions = definitions;
    }

    /// <summary>The bag's name in the type and the item (the part's instance name).</summary>
    public string Name { get; }

    public IReadOnlyList<ContentTypeDefinition> ContainedTypes { get; }

    public IReadOnlyList<BagRow> Rows { get; }

    /// <summary>The input listing the rows on the form, in their order; an empty value says the bag is on the form even when it has no row.</summary>
    public string RowsName => $"{Name}.ContentItems";

    public string Id => "bag-" + Name;

    public static BagEditor For(ContentTypePartDefinition part, ContentDefinitions definitions, JsonObject? data)
    {
        var contained = SettingsReader.Texts(part.Settings, "BagPartSettings", "ContainedContentTypes").Select(definitions.FindType).OfType<ContentTypeDefinition>().ToList();
        var rows = new List<BagRow>();
        var items = data?["ContentItems"] as JsonArray ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject inner)
            {
                continue;
            }

            var item = new ContentItem(inner);
            var type = definitions.FindType(item.ContentType);
            var editor = ItemEditor.For(type ?? new ContentTypeDefinition { Name = item.ContentType }, definitions, item, RowPrefix(part.Name, i));
            rows.Add(new BagRow(i, item.ContentItemId, item.ContentType, Label(definitions, inner, i), editor));
        }

        return new BagEditor(part.Name, contained, rows, definitions);
    }

    public static string RowPrefix(string bag, int index) => string.Create(CultureInfo.InvariantCulture, $"{bag}.ContentItems.{index}.");

    public string RowId(int index) => string.Create(CultureInfo.InvariantCulture, $"{Id}-{index}");

    /// <summary>
    /// Writes the posted rows into the item's bag, in the posted order. An item keeps what its editors do not show; an
    /// item no longer posted is removed. A bag not on the form at all is left as it was.
    /// </summary>
    public void Bind(ContentItem item, IFormCollection form, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? uploaded, List<ContentError> errors)
    {
        if (!form.TryGetValue(RowsName, out var keys))
        {
            return;
        }

        var part = item.GetOrCreatePart(Name);
        var stored = (part["ContentItems"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(o => (Id: new ContentItem(o).ContentItemId, Item: o)).Where(s => s.Id.Length > 0)
            .DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Item);
        var rows = new List<JsonNode?>();
        foreach (var key in keys.Where(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _)).Distinct())
        {
            var posted = $"{Name}.ContentItems.{key}.";
            var id = form[posted + "ContentItemId"].ToString();
            var typeName = form[posted + "ContentType"].ToString();
            var inner = stored.TryGetValue(id, out var existing) ? (JsonObject)existing.DeepClone() : null;
            if (inner is null && !ContainedTypes.Any(t => t.Name == typeName))
            {
                errors.Add(new ContentError(RowsName, $"{Name} does not hold “{typeName}” items."));
                continue;
            }

            var innerItem = new ContentItem(inner ?? new JsonObject { ["ContentItemId"] = id.Length > 0 ? id : ContentIds.NewId(), ["ContentType"] = typeName });
            if (_definitions.FindType(innerItem.ContentType) is { } type)
            {
                var place = RowPrefix(Name, rows.Count);
                errors.AddRange(ItemEditor.For(type, _definitions, innerItem, posted).Bind(innerItem, form, zone, uploaded)
                    .Select(e => e.Path.StartsWith(posted, StringComparison.Ordinal) ? e with { Path = place + e.Path[posted.Length..] } : e));
            }

            rows.Add(innerItem.Data);
        }

        part["ContentItems"] = new JsonArray(rows.ToArray());
    }

    /// <summary>Adds, removes or moves an item of the bag (already bound from the form); null when the command does not apply.</summary>
    public BagChange? Apply(ContentItem item, BagCommand command)
    {
        if (command.Bag != Name)
        {
            return null;
        }

        if (command.Verb == BagCommand.AddVerb)
        {
            return Add(item.GetOrCreatePart(Name), command.Argument);
        }

        if (item.Part(Name)?["ContentItems"] is not JsonArray items || command.Index is not { } index || index >= items.Count)
        {
            return null;
        }

        var label = Label(items[index], index);
        if (command.Verb == BagCommand.RemoveVerb)
        {
            items.RemoveAt(index);
            return new BagChange($"{label} removed. Save to keep the change; leave without saving to keep it as it was.", Id);
        }

        var other = index + (command.Verb == BagCommand.UpVerb ? -1 : 1);
        if (other < 0 || other >= items.Count)
        {
            return null;
        }

        var moving = items[index];
        items.RemoveAt(index);
        items.Insert(other, moving);
        return new BagChange($"{label} moved {(other < index ? "up" : "down")}. Save to keep the new order.", RowId(other));
    }

    // "Membership 2": what a manager reads for an item of the bag.
    private static string Label(ContentDefinitions definitions, JsonNode? inner, int index)
    {
        var type = inner is JsonObject o ? new ContentItem(o).ContentType : "";
        return string.Create(CultureInfo.InvariantCulture, $"{definitions.FindType(type)?.DisplayName ?? type} {index + 1}");
    }

    private string Label(JsonNode? inner, int index) => Label(_definitions, inner, index);

    private BagChange? Add(JsonObject part, string typeName)
    {
        if (ContainedTypes.FirstOrDefault(t => t.Name == typeName) is not { } type)
        {
            return null;
        }

        if (part["ContentItems"] is not JsonArray items)
        {
            items = [];
            part["ContentItems"] = items;
        }

        var inner = ContentItem.Create(type.Name);
        inner.Data.Remove(nameof(ContentItem.ContentItemVersionId));
        ItemEditor.For(type, _definitions, inner).ApplyDefaults(inner);
        items.Add(inner.Data);
        return new BagChange($"{type.DisplayName} {items.Count} added. Fill it in, then save; nothing is saved yet.", RowId(items.Count - 1));
    }
}
