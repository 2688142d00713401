using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Media;
using Cms.Recipes.Execution;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Recipes.Export;

/// <summary>
/// Writes a tenant (or a selection) as an Orchard Core recipe that imports into an empty tenant to the
/// same state. Items are streamed from the database to the output one at a time: memory stays flat
/// however many there are.
/// </summary>
internal sealed class RecipeExporter
{
    private const int MediaCopyBytes = 3 * 64 * 1024;

    private static readonly JsonWriterOptions s_writer = new() { Indented = true };

    private readonly CmsDatabase _database;
    private readonly IMediaStore _media;
    private readonly TimeProvider _time;

    public RecipeExporter(CmsDatabase database, IMediaStore media, TimeProvider time)
    {
        _database = database;
        _media = media;
        _time = time;
    }

    public async Task ExportAsync(TenantSettings tenant, ExportOptions options, Stream output, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateTenantContext(tenant);
        var definitions = await TenantDocuments.GetAsync<ContentDefinitions>(db, ContentDefinitions.DocumentKey, cancellationToken) ?? new ContentDefinitions();
        await using var writer = new Utf8JsonWriter(output, s_writer);
        writer.WriteStartObject();
        writer.WriteString("name", "");
        writer.WriteString("displayName", $"Export of {tenant.Name}");
        writer.WriteString("description", options.IsWholeTenant ? "Everything the site holds." : "A selection of the site's content.");
        writer.WriteString("author", "");
        writer.WriteString("website", "");
        writer.WriteString("version", "1.0.0");
        writer.WriteBoolean("issetuprecipe", false);
        writer.WriteStartArray("categories");
        writer.WriteEndArray();
        writer.WriteStartArray("tags");
        writer.WriteEndArray();
        writer.WriteString("exportUtc", _time.GetUtcNow().UtcDateTime);
        writer.WriteStartArray("steps");

        if (options.IsWholeTenant)
        {
            await WriteDocumentStepsAsync(db, writer, cancellationToken);
        }

        WriteDefinitions(writer, Selected(definitions, options));
        var content = ContentQuery(db, options);
        var media = options.IsWholeTenant ? await _media.ListAsync(tenant, cancellationToken) : [];
        // Counted only for someone watching: a count of every item is a query of its own.
        var total = options.Progress is null ? 0 : await content.CountAsync(cancellationToken) + media.Count;
        var progress = new RecipeProgressCounter(options.Progress, RecipeProgressPhase.Exporting, total);
        progress.Start();
        await WriteContentAsync(content, writer, progress, cancellationToken);
        await WriteMediaAsync(tenant, media, writer, progress, cancellationToken);

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static async Task WriteDocumentStepsAsync(TenantDbContext db, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        if (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Features, cancellationToken) is { } features && features["Enabled"] is JsonArray enabled)
        {
            WriteStep(writer, "feature", new JsonObject { ["enable"] = enabled.DeepClone(), ["disable"] = new JsonArray() });
        }

        if (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Themes, cancellationToken) is { Count: > 0 } themes)
        {
            WriteStep(writer, "themes", themes);
        }

        var site = await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.OrchardSite, cancellationToken) ?? [];
        if (await TenantDocuments.GetAsync<SiteSettings>(db, SiteSettings.DocumentKey, cancellationToken) is { } settings)
        {
            site["SiteName"] = settings.SiteName;
            site["TimeZoneId"] = settings.TimeZone;
        }

        WriteStep(writer, "settings", site);
        if (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Roles, cancellationToken) is { Count: > 0 } roles)
        {
            WriteStep(writer, "Roles", new JsonObject { ["Roles"] = new JsonArray(roles.Select(r => RoleDocument.WithCurrentNames(r.Value)).ToArray()) });
        }

        if (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Templates, cancellationToken) is { Count: > 0 } templates)
        {
            WriteStep(writer, "Templates", new JsonObject { ["Templates"] = templates });
        }

        if (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.CustomSettings, cancellationToken) is { Count: > 0 } custom)
        {
            WriteStep(writer, "custom-settings", custom);
        }
    }

    private static void WriteDefinitions(Utf8JsonWriter writer, ContentDefinitions definitions)
    {
        if (definitions.ContentTypeDefinitionRecords.Count == 0 && definitions.ContentPartDefinitionRecords.Count == 0)
        {
            return;
        }

        // Definitions stored by an earlier version may hold names Orchard does not read; an export has Orchard's only.
        FormerFieldSettings.Upgrade(definitions.ContentPartDefinitionRecords);
        var json = ContentDefinitionEditor.ToJson(definitions);
        WriteStep(writer, "ContentDefinition", new JsonObject
        {
            ["ContentTypes"] = json["ContentTypeDefinitionRecords"]?.DeepClone(),
            ["ContentParts"] = json["ContentPartDefinitionRecords"]?.DeepClone(),
        });
    }

    private static IQueryable<ContentItemRecord> ContentQuery(TenantDbContext db, ExportOptions options)
    {
        var query = db.ContentItems.AsNoTracking().Where(c => c.Latest || c.Published);
        if (options.ContentTypes.Count > 0)
        {
            query = query.Where(c => options.ContentTypes.Contains(c.ContentType));
        }

        if (options.ContentItemIds.Count > 0)
        {
            query = query.Where(c => options.ContentItemIds.Contains(c.ContentItemId));
        }

        return query;
    }

    private static async Task WriteContentAsync(IQueryable<ContentItemRecord> query, Utf8JsonWriter writer, RecipeProgressCounter progress, CancellationToken cancellationToken)
    {
        writer.WriteStartObject();
        writer.WriteString("name", "content");
        writer.WriteStartArray("data");
        await foreach (var record in query.OrderBy(c => c.ContentItemId).ThenBy(c => c.Published).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            ContentRecords.ToItem(record).Data.WriteTo(writer);
            progress.ItemDone();
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private async Task WriteMediaAsync(TenantSettings tenant, IReadOnlyList<MediaEntry> media, Utf8JsonWriter writer, RecipeProgressCounter progress, CancellationToken cancellationToken)
    {
        // One step per file: an import holds a step whole, and a step is limited to RecipeLimits.MaxValueBytes.
        var buffer = new byte[MediaCopyBytes];
        foreach (var entry in media)
        {
            progress.ItemDone();

            // Gone since it was listed: not exported, as if the export had started a moment later.
            if (await _media.OpenAsync(tenant, entry.Path, cancellationToken) is not { } file)
            {
                continue;
            }

            writer.WriteStartObject();
            writer.WriteString("name", "media");
            writer.WriteStartArray("Files");
            writer.WriteStartObject();
            writer.WriteString("TargetPath", entry.Path);
            writer.WritePropertyName("Base64");
            await using (var content = File.OpenRead(file.FilePath))
            {
                // In pieces, so a file is never held whole; a piece is a multiple of 3 bytes, so each encodes on its own.
                int read;
                do
                {
                    read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
                    writer.WriteBase64StringSegment(buffer.AsSpan(0, read), isFinalSegment: read < buffer.Length);
                    await writer.FlushAsync(cancellationToken);
                }
                while (read == buffer.Length);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }
    }

    // A selection takes its types' definitions and the parts they use, nothing more.
    private static ContentDefinitions Selected(ContentDefinitions all, ExportOptions options)
    {
        if (options.IsWholeTenant)
        {
            return all;
        }

        var types = options.ContentTypes.Count > 0
            ? all.ContentTypeDefinitionRecords.Where(t => options.ContentTypes.Contains(t.Name)).ToList()
            : [];
        var partNames = types.SelectMany(t => t.ContentTypePartDefinitionRecords.Select(p => p.PartName)).ToHashSet(StringComparer.Ordinal);
        return new ContentDefinitions
        {
            ContentTypeDefinitionRecords = types,
            ContentPartDefinitionRecords = all.ContentPartDefinitionRecords.Where(p => partNames.Contains(p.Name)).ToList(),
        };
    }

    private static void WriteStep(Utf8JsonWriter writer, string name, JsonObject body)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        foreach (var (key, value) in body)
        {
            if (!string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                writer.WritePropertyName(key);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }
}
