using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cms.Tenancy;

/// <summary>
/// A <see cref="TenantChange"/> as the <c>cms_changes</c> notification carries it, with the node that raised it:
/// <c>{"node":"…","tenant":"riverbend","kinds":"Content","ids":["…"],"many":false,"rev":42}</c>. PostgreSQL refuses a payload of
/// 8,000 bytes or more, so one over <see cref="MaxBytes"/> is sent with <c>"many":true</c> and no ids instead.
/// </summary>
internal static class TenantChangePayload
{
    /// <summary>The largest payload sent, in UTF-8 bytes; under PostgreSQL's 8,000 with room to spare.</summary>
    public const int MaxBytes = 7_900;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(string node, TenantChange change)
    {
        var text = JsonSerializer.Serialize(new Payload(node, change.Tenant, change.Kinds, change.ItemIds, change.ManyItems, change.Revision), s_json);
        return Encoding.UTF8.GetByteCount(text) <= MaxBytes
            ? text
            : JsonSerializer.Serialize(new Payload(node, change.Tenant, change.Kinds, [], Many: true, change.Revision), s_json);
    }

    /// <summary>The change and the node that raised it; null for a payload that is not one (an older version's bare tenant name).</summary>
    public static (string Node, TenantChange Change)? Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(payload, s_json) is { Node: { } node, Tenant: { } tenant } read
                ? (node, new TenantChange(tenant, read.Kinds, read.Ids ?? [], read.Many) { Revision = read.Rev })
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Payload(string? Node, string? Tenant, ChangeKinds Kinds, IReadOnlyList<string>? Ids, bool Many, long Rev);
}
