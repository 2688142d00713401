using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cms.Admin.Pages.Admin.Series;

/// <summary>A series' parts in order, drafts included, and moving a part up or down (their part numbers swap).</summary>
[Authorize(Policy = Permissions.EditContent)]
public sealed class PartsModel : PageModel
{
    private const string ArticlePart = "Article";

    private readonly AdminContent _content;

    public PartsModel(AdminContent content)
    {
        _content = content;
    }

    public string SeriesId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyList<SeriesPartRow> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await using var session = _content.Open(HttpContext);
        return await LoadAsync(session, id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMoveAsync(string id, string article, int direction)
    {
        await using var session = _content.Open(HttpContext);
        if (!await LoadAsync(session, id))
        {
            return NotFound();
        }

        var index = Parts.ToList().FindIndex(p => p.Id == article);
        var other = index + Math.Sign(direction);
        if (index < 0 || other < 0 || other >= Parts.Count || Parts[index].Part is not { } a || Parts[other].Part is not { } b)
        {
            return Redirect($"{Request.PathBase}/admin/series/{id}/parts");
        }

        // One transaction: the two parts swap numbers in every current version, or neither does.
        await using (var transaction = await session.Db.Database.BeginTransactionAsync(HttpContext.RequestAborted))
        {
            await session.Manager.PatchCurrentVersionsAsync(Parts[index].Id, item => SetPart(item, b), HttpContext.RequestAborted);
            await session.Manager.PatchCurrentVersionsAsync(Parts[other].Id, item => SetPart(item, a), HttpContext.RequestAborted);
            await transaction.CommitAsync(HttpContext.RequestAborted);
        }

        await _content.ChangedAsync(HttpContext);
        return Redirect($"{Request.PathBase}/admin/series/{id}/parts");
    }

    private static void SetPart(ContentItem item, int part) =>
        item.GetOrCreatePart(ArticlePart)["Part"] = new JsonObject { ["Value"] = part };

    private async Task<bool> LoadAsync(AdminContent.Session session, string id)
    {
        if (await session.Manager.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted) is not { ContentType: "Series" } series)
        {
            return false;
        }

        SeriesId = id;
        Title = series.DisplayText ?? id;
        var versions = session.Db.ContentReferences.Where(r => r.TargetId == id && r.Path == ArticlePart + ".Series").Select(r => r.ContentItemVersionId);
        var records = await session.Db.ContentItems.AsNoTracking().Where(c => versions.Contains(c.ContentItemVersionId) && (c.Latest || c.Published)).ToListAsync(HttpContext.RequestAborted);
        Parts = records.GroupBy(r => r.ContentItemId).Select(g =>
            {
                var latest = g.FirstOrDefault(r => r.Latest) ?? g.First();
                var part = System.Text.Json.Nodes.JsonNode.Parse(latest.Json)?[ArticlePart]?["Part"]?["Value"];
                int? number = part is JsonValue v && v.TryGetValue<decimal>(out var d) ? (int)d : null;
                var status = latest.Published ? "Published" : g.Any(r => r.Published) ? "Published, with unpublished changes" : "Draft";
                return new SeriesPartRow(g.Key, latest.DisplayText ?? g.Key, number, status);
            })
            .OrderBy(p => p.Part ?? int.MaxValue).ThenBy(p => p.Title, StringComparer.CurrentCulture)
            .ToList();
        return true;
    }
}

public sealed record SeriesPartRow(string Id, string Title, int? Part, string Status)
{
    public string PartLabel => Part?.ToString(CultureInfo.InvariantCulture) ?? "—";
}
