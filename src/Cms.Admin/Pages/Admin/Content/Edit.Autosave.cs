using Cms.Content;
using Cms.Security;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin.Pages.Admin.Content;

// The editor's background save (Assets/autosave.js): the handler beside the page's own, on the same rights and form.
public sealed partial class EditModel
{
    /// <summary>Whether the editor saves drafts by itself: not on a published item of a type without drafts, whose every save goes live.</summary>
    public bool CanAutosave => IsNew || !Item.Published || Editor!.Type.Setting("Draftable") || Editor.Type.Setting("Versionable");

    /// <summary>
    /// POST ?handler=Autosave: the form saved exactly as Save draft saves it (a published item gets a draft beside
    /// it), answered in JSON. It never publishes and never saves over someone else's newer save; a new item is
    /// created only once it has a title. Files chosen for upload wait for the person's own save.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string? id, string? type)
    {
        await using var session = _content.Open(HttpContext);
        if (!await LoadAsync(session, id, type))
        {
            return Problem(404, "This item no longer exists; someone may have deleted it. Copy what you need from this page.");
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.EditOwnContent, IsNew ? null : Item))
        {
            return Problem(403, "Your role may not change this item.");
        }

        var name = Editor!.Type.DisplayName.ToLowerInvariant();
        if (!CanAutosave)
        {
            return Problem(422, $"Changes to this {name} go live when saved (its type has no drafts), so they are not saved automatically. Save them when they are ready.");
        }

        if (IsStale)
        {
            return Problem(409, "Automatic saving has stopped. " + ConflictMessage(Item));
        }

        if (IsNew && (Editor.Entries.FirstOrDefault(e => e.Kind == "Title") is not { } title || string.IsNullOrWhiteSpace(Request.Form[title.Name])))
        {
            return Problem(422, $"A new {name} is saved as a draft automatically once it has a title.");
        }

        var errors = await BindFormAsync(session, takeUploads: false);
        var result = errors.Count > 0 ? null : await session.Manager.SaveDraftAsync(Item, AdminContent.UserName(User), HttpContext.RequestAborted);
        if (result is { Conflict: true })
        {
            return Problem(409, "Automatic saving has stopped. " + ConflictMessage(result.Item));
        }

        if (result is not { Succeeded: true })
        {
            var problems = result?.Errors ?? errors;
            return Problem(422, $"The draft is not saved yet: {problems[0].Message}", problems);
        }

        // The stamp the next save is checked against is the stored one.
        Item = await session.Manager.GetAsync(Item.ContentItemId, VersionOptions.Latest, HttpContext.RequestAborted) ?? result.Item!;
        IsNew = false;
        return new JsonResult(new AutosaveReply(Item.ContentItemId, Stamp(Item), Item.ModifiedUtc ?? default, Status, StatusKind, $"{Request.PathBase}/admin/content/{Item.ContentItemId}"));
    }

    private static JsonResult Problem(int status, string message, IReadOnlyList<Cms.Content.Handlers.ContentError>? errors = null) =>
        new(new AutosaveProblem(message, errors ?? [])) { StatusCode = status };
}
