using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>Reads and writes the tenant's keyed JSON documents (site settings and the like).</summary>
internal static class TenantDocuments
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

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

        await db.SaveChangesAsync(cancellationToken);
    }
}
