using Cms.Admin.Editors;
using Cms.Admin.History;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// An item's versions, newest first; each compared with the one before it field by field (see VersionChanges), and any
/// of them can be restored as a new draft (undo), which the editor then publishes as usual.
/// </summary>
public sealed class HistoryModel : PageModel
{
    private readonly AdminContent _content;

    public HistoryModel(AdminContent content)
    {
        _content = content;
    }

    public string Id { get; private set; } = "";

    public string Title { get; private set; } = "";

    public IReadOnlyList<ContentItem> Versions { get; private set; } = [];

    /// <summary>The version shown with its changes, and those changes against the version before it.</summary>
    public ContentItem? Selected { get; private set; }

    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, string? version)
    {
        await using var session = _content.Open(HttpContext);
        if (!await LoadAsync(session, id))
        {
            return NotFound();
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.EditOwnContent, Versions[0]))
        {
            return Forbid();
        }

        var index = version is null ? 0 : Versions.ToList().FindIndex(v => v.ContentItemVersionId == version);
        if (index < 0)
        {
            return NotFound();
        }

        Selected = Versions[index];
        Changes = await ChangesAsync(session, index + 1 < Versions.Count ? Versions[index + 1] : ContentItem.Create(Selected.ContentType), Selected);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string id, string version)
    {
        await using var session = _content.Open(HttpContext);
        if (!await LoadAsync(session, id) || Versions.FirstOrDefault(v => v.ContentItemVersionId == version) is not { } old)
        {
            return NotFound();
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.EditOwnContent, Versions[0]))
        {
            return Forbid();
        }

        // The old content becomes the item's draft: a new version on top, so nothing in between is lost either.
        var draft = old.Clone();
        draft.ContentItemVersionId = ContentIds.NewId();
        var result = await session.Manager.SaveDraftAsync(draft, AdminContent.UserName(User), HttpContext.RequestAborted);
        if (result.Errors.Count > 0)
        {
            return RedirectToPage(new { id, version, error = result.Errors[0].Message });
        }

        return Redirect($"{Request.PathBase}/admin/content/{id}?saved=draft");
    }

    private async Task<bool> LoadAsync(AdminContent.Session session, string id)
    {
        var versions = await session.Manager.VersionsAsync(id, HttpContext.RequestAborted);
        if (versions.Count == 0)
        {
            return false;
        }

        Id = id;
        Versions = versions.Reverse().ToList();
        Title = Versions[0].DisplayText ?? id;
        return true;
    }

    // Both versions read through today's editor of the type, so the labels and the order are those a manager edits with.
    private async Task<IReadOnlyList<FieldChange>> ChangesAsync(AdminContent.Session session, ContentItem before, ContentItem after)
    {
        var definitions = session.Tenant.Definitions;
        var type = definitions.FindType(after.ContentType) ?? new ContentTypeDefinition { Name = after.ContentType };
        var was = ItemEditor.For(type, definitions, before);
        var now = ItemEditor.For(type, definitions, after);
        var picked = await session.ChosenAsync(FieldText.PickedIds(was.AllEntries.Concat(now.AllEntries)), HttpContext.RequestAborted);
        var titles = picked.ToDictionary(c => c.Id, c => c.Status == ContentChoice.Missing ? $"A deleted item ({c.Id})" : c.Title, StringComparer.Ordinal);
        return VersionChanges.Between(was, now, new FieldText(titles, FieldTime.Zone(session.Tenant)));
    }
}
