using System.Data.Common;
using System.Text.Json;
using Cms.Content.Definitions;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>Reads and writes the tenant's keyed JSON documents (site settings and the like).</summary>
public static class TenantDocuments
{
    // Pascal-case names, as Orchard stores its documents; read case-insensitively.
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads a document with plain SQL: activation reads documents, and this keeps EF Core off that path.</summary>
    public static async Task<T?> GetAsync<T>(DbConnection connection, string tenantId, string key, CancellationToken cancellationToken)
        where T : class
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Json" FROM "Documents" WHERE "TenantId" = @tenant AND "Key" = @key""";
        command.AddParameter("@tenant", tenantId);
        command.AddParameter("@key", key);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<T>(json, s_json) : null;
    }

    /// <summary>Reads a document through the context, inside whatever transaction it has open.</summary>
    public static async Task<T?> GetAsync<T>(TenantDbContext db, string key, CancellationToken cancellationToken)
        where T : class
    {
        var json = await db.Documents.AsNoTracking().Where(d => d.Key == key).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<T>(json, s_json);
    }

    public static async Task SetAsync<T>(TenantDbContext db, string key, T value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(value, s_json);
        var existing = await db.Documents.FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (existing is null)
        {
            db.Documents.Add(new DocumentRecord { TenantId = db.TenantId, Key = key, Json = json, ModifiedUtc = now });
        }
        else
        {
            existing.Json = json;
            existing.ModifiedUtc = now;
        }

        db.PendingChange.Record(ChangeKindOf(key));

        await db.SaveChangesAsync(cancellationToken);
    }

    // What a document is to the receivers of its change; settings unless it is one of the others.
    private static ChangeKinds ChangeKindOf(string key) => key switch
    {
        ContentDefinitions.DocumentKey => ChangeKinds.Definitions,
        RecipeDocuments.Templates => ChangeKinds.Templates,
        RecipeDocuments.Roles => ChangeKinds.Roles,
        RecipeDocuments.Features or RecipeDocuments.Themes => ChangeKinds.Features,
        _ => ChangeKinds.Settings,
    };
}
