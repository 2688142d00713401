using System.Globalization;
using Cms.Admin.Editors;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// Edits one item: save draft, publish, unpublish, discard draft. The form carries the time of the version it
/// was opened on; a save over someone else's newer save is refused and says so, nothing is overwritten.
/// </summary>
public sealed partial class EditModel : PageModel
{
    private const int NoScriptChoices = 500;

    private readonly AdminContent _content;

    public EditModel(AdminContent content)
    {
        _content = content;
    }

    public ContentItem Item { get; private set; } = ContentItem.Create("");

    public ItemEditor? Editor { get; private set; }

    public IReadOnlyList<ContentError> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public bool IsNew { get; private set; }

    public bool HasPublished { get; private set; }

    public bool MayPublish { get; private set; }

    public bool MayDelete { get; private set; }

    /// <summary>Items to pick from, by picker field path: those the field holds, in its order, then the others by title.</summary>
    public Dictionary<string, IReadOnlyList<ContentChoice>> Choices { get; } = [];

    /// <summary>When the draft is scheduled to be published, in the site's time zone; null when it is not.</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }

    /// <summary>The element to focus after a bag's item was added or moved.</summary>
    public string? FocusId { get; private set; }

    /// <summary>True when the form shows changes not saved yet (after adding, removing or moving a bag's item).</summary>
    public bool HasUnsavedChanges { get; private set; }

    /// <summary>The site's time zone, in which the schedule field is read and shown.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The stored version the form was opened on (see <see cref="Stamp"/>).</summary>
    [BindProperty]
    public string? OpenedVersion { get; set; }

    /// <summary>The status badge's kind (its colour): published, changed (published, with a newer draft) or draft.</summary>
    public string StatusKind => Item.Published ? "published" : HasPublished ? "changed" : "draft";

    public string Status => ScheduledFor is { } due
        ? FieldTime.Scheduled(due, Zone)
        : Item.Published ? "Published" : HasPublished ? "Published, with unpublished changes" : IsNew ? "New" : "Draft";

    public async Task<IActionResult> OnGetAsync(string? id, string? type, string? saved)
    {
        await using var session = _content.Open(HttpContext);
        if (!await LoadAsync(session, id, type))
        {
            return NotFound();
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.EditOwnContent, IsNew ? null : Item))
        {
            return Forbid();
        }

        Notice = saved switch
        {
            "draft" => "Draft saved. The public site still shows the published version, if there is one.",
            "published" => "Published. The public site shows it now.",
            "unpublished" => "Unpublished. It is no longer on the public site; the text is kept as a draft.",
            "discarded" => "Draft discarded. The published version is back in the editor.",
            "scheduled" => "Scheduled. The draft is published at that time; until then the site shows what it showed before.",
            "unscheduled" => "The schedule is cancelled; the draft stays a draft.",
            _ => null,
        };
        await FillChoicesAsync(session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, string? type, string action)
    {
        await using var session = _content.Open(HttpContext);
        if (!await LoadAsync(session, id, type))
        {
            return NotFound();
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.EditOwnContent, IsNew ? null : Item))
        {
            return Forbid();
        }

        if (BagCommand.Parse(action) is { } command)
        {
            return await ChangeBagAsync(session, command);
        }

        if (IsStale)
        {
            Errors = [new ContentError("", ConflictMessage(Item))];
            await FillChoicesAsync(session);
            return Page();
        }

        var user = AdminContent.UserName(User);
        switch (action)
        {
            case "unpublish":
                return await PublishingAsync(session, () => session.Manager.UnpublishAsync(Item, HttpContext.RequestAborted), "unpublished");
            case "discard":
                return await PublishingAsync(session, () => session.Manager.DiscardDraftAsync(Item, HttpContext.RequestAborted), "discarded");
            case "unschedule":
                await Scheduler.CancelAsync(session.Tenant.Name, Item.ContentItemId, HttpContext.RequestAborted);
                return Redirect($"{Request.PathBase}/admin/content/{Item.ContentItemId}?saved=unscheduled");
        }

        var formErrors = await BindFormAsync(session, takeUploads: true);
        var publish = action == "publish";
        DateTimeOffset? scheduleAt = null;
        if (action == "schedule")
        {
            scheduleAt = ReadSchedule(Request.Form["ScheduleAt"].ToString(), formErrors);
        }

        if ((publish || action == "schedule") && !await AdminContent.MayAsync(HttpContext, Permissions.PublishOwnContent, Item))
        {
            formErrors.Add(new ContentError("", "You may save drafts, but an editor publishes. Save it as a draft and ask an editor to publish it."));
        }

        if (formErrors.Count > 0)
        {
            return await ShowAgainAsync(session, formErrors);
        }

        var result = publish
            ? await session.Manager.PublishAsync(Item, user, HttpContext.RequestAborted)
            : await session.Manager.SaveDraftAsync(Item, user, HttpContext.RequestAborted);
        if (result.Conflict)
        {
            // Someone saved between this request's check above and its write: told the same way, the form keeps what was typed.
            return await ShowAgainAsync(session, [new ContentError("", ConflictMessage(result.Item))]);
        }

        if (result.Errors.Count > 0)
        {
            return await ShowAgainAsync(session, result.Errors);
        }

        if (scheduleAt is { } due)
        {
            await Scheduler.ScheduleAsync(session.Tenant.Name, Item.ContentItemId, due, user, HttpContext.RequestAborted);
            return Redirect($"{Request.PathBase}/admin/content/{Item.ContentItemId}?saved=scheduled");
        }

        if (publish)
        {
            await Scheduler.CancelAsync(session.Tenant.Name, Item.ContentItemId, HttpContext.RequestAborted);
        }

        return Redirect($"{Request.PathBase}/admin/content/{Item.ContentItemId}?saved={(publish ? "published" : "draft")}");
    }

    // A bag's button: the whole form is bound (so nothing typed is lost), the bag changed, and the form shown again unsaved.
    private async Task<IActionResult> ChangeBagAsync(AdminContent.Session session, BagCommand command)
    {
        var errors = await BindFormAsync(session, takeUploads: true);
        var change = Editor!.Entries.Select(e => e.Bag).OfType<BagEditor>().Select(b => b.Apply(Item, command)).FirstOrDefault(c => c is not null);
        Notice = change?.Notice;
        FocusId = change?.FocusId;
        HasUnsavedChanges = true;
        return await ShowAgainAsync(session, errors);
    }

    // The form shown again from the item as bound, so every value typed (titles and bodies too) is still there.
    private async Task<IActionResult> ShowAgainAsync(AdminContent.Session session, IReadOnlyList<ContentError> errors)
    {
        Editor = ItemEditor.For(Editor!.Type, session.Tenant.Definitions, Item);
        Errors = errors;
        await FillChoicesAsync(session);
        return Page();
    }

    // The posted form into the item: images first (an upload goes into the library), then every field.
    private async Task<List<ContentError>> BindFormAsync(AdminContent.Session session, bool takeUploads)
    {
        var (uploaded, errors) = await MediaFieldForm.ReadAsync(HttpContext, Editor!, takeUploads);
        errors.AddRange(Editor!.Bind(Item, Request.Form, Zone, uploaded));

        // A form that comes back with errors shows what was posted: a new item's fields did not exist before binding.
        Editor = ItemEditor.For(Editor.Type, session.Tenant.Definitions, Item);
        if (IsNew)
        {
            Item.Owner = AdminContent.UserName(User);
        }

        return errors;
    }

    /// <summary>Whether the item was saved by someone (or something) else since this form was opened.</summary>
    private bool IsStale => !IsNew && OpenedVersion != Stamp(Item);

    // Who saved and when, from the item's version that is current now (none when it was deleted meanwhile).
    private string ConflictMessage(ContentItem? current) =>
        $"Someone else saved this {Editor!.Type.DisplayName.ToLowerInvariant()} after you opened it"
        + (current is null ? "" : FormattableString.Invariant($" (at {current.ModifiedUtc:yyyy-MM-dd HH:mm} UTC, by {current.Author ?? "another user"})"))
        + ". Your changes were not saved: copy what you need, then reload the page to see the newest version.";

    public IEnumerable<ContentError> ErrorsFor(string path) =>
        Errors.Where(e => e.Path == path || e.Path.StartsWith(path + ".", StringComparison.Ordinal));

    public IEnumerable<ContentError> GeneralErrors =>
        Errors.Where(e => Editor is null || !Editor.AllEntries.Any(entry => e.Path == entry.Name || e.Path.StartsWith(entry.Name + ".", StringComparison.Ordinal)));

    private async Task<IActionResult> PublishingAsync(AdminContent.Session session, Func<Task<Cms.Content.ContentResult>> change, string outcome)
    {
        if (!await AdminContent.MayAsync(HttpContext, Permissions.PublishOwnContent, Item))
        {
            return Forbid();
        }

        if (await change() is { Conflict: true } conflict)
        {
            Errors = [new ContentError("", ConflictMessage(conflict.Item))];
            await FillChoicesAsync(session);
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/content/{Item.ContentItemId}?saved={outcome}");
    }

    private ScheduledPublishing Scheduler => HttpContext.RequestServices.GetRequiredService<ScheduledPublishing>();

    // The schedule field is a local date and time in the site's time zone; it must lie ahead.
    private DateTimeOffset? ReadSchedule(string value, List<ContentError> errors)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors.Add(new ContentError("", "Choose the date and time to publish it."));
            return null;
        }

        var due = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
        if (due <= _content.Now)
        {
            errors.Add(new ContentError("", $"{local:MMM d, yyyy HH:mm} has passed; choose a time ahead, or publish now."));
            return null;
        }

        return due;
    }

    private async Task<bool> LoadAsync(AdminContent.Session session, string? id, string? type)
    {
        var definitions = session.Tenant.Definitions;
        Zone = FieldTime.Zone(session.Tenant);
        if (id is null)
        {
            if (definitions.FindType(type ?? "") is not { } newType || !newType.Setting("Creatable"))
            {
                return false;
            }

            IsNew = true;
            Item = ContentItem.Create(newType.Name);
            ItemEditor.For(newType, definitions, Item).ApplyDefaults(Item);
            Editor = ItemEditor.For(newType, definitions, Item);
            return true;
        }

        if (await session.Manager.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted) is not { } item
            || definitions.FindType(item.ContentType) is not { } itemType)
        {
            return false;
        }

        Item = item;
        HasPublished = item.Published || await session.Manager.GetAsync(id, VersionOptions.Published, HttpContext.RequestAborted) is not null;
        Editor = ItemEditor.For(itemType, definitions, item);
        OpenedVersion ??= Stamp(item);
        MayPublish = await AdminContent.MayAsync(HttpContext, Permissions.PublishOwnContent, item);
        ScheduledFor = await Scheduler.FindAsync(session.Tenant.Name, id, HttpContext.RequestAborted) is { } due ? TimeZoneInfo.ConvertTime(due, Zone) : null;
        MayDelete = await AdminContent.MayAsync(HttpContext, Permissions.DeleteOwnContent, item);
        return true;
    }

    private async Task FillChoicesAsync(AdminContent.Session session)
    {
        MayPublish = MayPublish || (IsNew && await AdminContent.MayAsync(HttpContext, Permissions.PublishOwnContent, null));
        var draftOwner = await AdminContent.DraftOwnerAsync(HttpContext);
        foreach (var picker in Editor!.AllEntries.Where(e => e.Kind == ContentNames.ContentPickerField))
        {
            // The form without script is a list of up to NoScriptChoices items; what the field holds is always in it.
            var chosen = await session.ChosenAsync(picker.Strings("ContentItemIds"), HttpContext.RequestAborted);
            var others = await session.ChoicesAsync(new ChoiceQuery(picker.PickerTypes, null, NoScriptChoices, draftOwner), HttpContext.RequestAborted);
            Choices[picker.Name] = [.. chosen, .. others.Where(o => !chosen.Any(c => c.Id == o.Id))];
        }
    }

    // The stored version the form was opened on: its id and revision, which every write moves on (checked again in the write itself).
    private static string Stamp(ContentItem item) => item.Stored?.ToString() ?? "";
}
