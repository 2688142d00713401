using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Admin;
using Cms.Content;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Practice.Pages.Admin.Series;

/// <summary>
/// A series' parts in order, drafts included, and changing the order: a part moved up or down (the keyboard way) or the
/// whole order posted at once (rows dragged with the mouse). Either way the parts are numbered 1, 2, 3... in one transaction.
/// </summary>
[Authorize(Policy = Permissions.EditContent)]
[RequiresFeature(PracticeModule.Feature)]
public sealed class PartsModel : PageModel
{
    private const string ArticlePart = "Article";

    public string SeriesId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyList<SeriesPartRow> Parts { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? done)
    {
        await using var session = Open();
        Notice = done == "ordered" ? "Order saved. The site shows the parts in this order now." : null;
        return await LoadAsync(session, id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMoveAsync(string id, string article, int direction)
    {
        await using var session = Open();
        if (!await LoadAsync(session, id))
        {
            return NotFound();
        }

        var order = Parts.Select(p => p.Id).ToList();
        var index = order.IndexOf(article);
        var other = index + Math.Sign(direction);
        if (index < 0 || other < 0 || other >= order.Count)
        {
            return Redirect($"{Request.PathBase}/admin/series/{id}/parts");
        }

        (order[index], order[other]) = (order[other], order[index]);
        return await RenumberAsync(session, id, order);
    }

    /// <summary>The whole order at once: every part of the series, each once, first part first.</summary>
    public async Task<IActionResult> OnPostOrderAsync(string id, string[]? articles)
    {
        await using var session = Open();
        if (!await LoadAsync(session, id))
        {
            return NotFound();
        }

        var order = articles ?? [];
        if (order.Length != Parts.Count || order.Distinct().Count() != order.Length || order.Any(a => Parts.All(p => p.Id != a)))
        {
            Error = "The order was not saved: the parts of this series changed since the page was opened. This is the current order; move them again.";
            return Page();
        }

        return await RenumberAsync(session, id, order);
    }

    // One transaction: every part gets its new number in every current version (latest and published), or none does.
    private async Task<IActionResult> RenumberAsync(AdminContent.Session session, string id, IReadOnlyList<string> order)
    {
        await using (var transaction = await session.Db.Database.BeginTransactionAsync(HttpContext.RequestAborted))
        {
            for (var i = 0; i < order.Count; i++)
            {
                var number = i + 1;
                if (Parts.First(p => p.Id == order[i]).Part != number)
                {
                    await session.Manager.PatchCurrentVersionsAsync(order[i], item => SetPart(item, number), HttpContext.RequestAborted);
                }
            }

            await transaction.CommitAsync(HttpContext.RequestAborted);
        }

        return Redirect($"{Request.PathBase}/admin/series/{id}/parts?done=ordered");
    }

    // The tenant's data and its content manager, on one context, so a renumbering is one transaction.
    private AdminContent.Session Open() => HttpContext.RequestServices.GetRequiredService<AdminContent>().Open(HttpContext);

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
