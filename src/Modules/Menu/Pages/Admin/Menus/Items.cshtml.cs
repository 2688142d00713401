using System.Text.Json.Nodes;
using Cms.Admin;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Menu.Pages.Admin.Menus;

/// <summary>
/// A menu's links: add a link or a page of the site, change one, move it up or down, under the one above or back out,
/// remove it. Each change is saved and published at once (the navigation is on every page), against the version of the
/// menu the page showed: a change someone made meanwhile is not overwritten.
/// </summary>
[Authorize(Policy = Permissions.EditContent)]
[RequiresFeature(MenuModule.Feature)]
public sealed class ItemsModel : PageModel
{
    /// <summary>How many pages the "Add a page" list offers, by title.</summary>
    private const int PageChoices = 500;

    private readonly AdminContent _content;

    public ItemsModel(AdminContent content)
    {
        _content = content;
    }

    public string MenuId { get; private set; } = "";

    public string Title { get; private set; } = "";

    /// <summary>The version the page shows, sent back with each change.</summary>
    public string Version { get; private set; } = "";

    public IReadOnlyList<MenuLink> Links { get; private set; } = [];

    /// <summary>The site's pages a menu item can show, by id.</summary>
    public IReadOnlyList<ContentChoice> Pages { get; private set; } = [];

    public MenuLink? Editing { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyList<ContentError> Errors { get; private set; } = [];

    /// <summary>What was typed into a form that was refused, shown again.</summary>
    public Dictionary<string, string> Typed { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(string id, string? edit, string? done)
    {
        await using var session = _content.Open(HttpContext);
        if (await LoadAsync(session, id) is null)
        {
            return NotFound();
        }

        Editing = edit is null ? null : Flatten(Links).FirstOrDefault(l => l.Id == edit);
        Notice = done is null ? null : "Saved. The site's navigation shows it now.";
        return Page();
    }

    public Task<IActionResult> OnPostAddLinkAsync(string id, string version, string? text, string? url, bool newTab) =>
        ChangeAsync(id, version, menu =>
        {
            var errors = LinkErrors(text, url);
            if (errors.Count == 0)
            {
                MenuEdits.AddLink(menu, text!.Trim(), url!.Trim(), newTab);
            }

            return errors;
        });

    public Task<IActionResult> OnPostAddPageAsync(string id, string version, string? text, string? page) =>
        ChangeAsync(id, version, menu =>
        {
            if (Pages.FirstOrDefault(p => p.Id == page) is not { } chosen)
            {
                return [new ContentError("page", "Choose the page the link shows.")];
            }

            MenuEdits.AddContent(menu, string.IsNullOrWhiteSpace(text) ? chosen.Title : text.Trim(), chosen.Id);
            return [];
        });

    public Task<IActionResult> OnPostUpdateAsync(string id, string version, string item, string? text, string? url, bool newTab, string? page) =>
        ChangeAsync(id, version, menu =>
        {
            var link = Flatten(Links).FirstOrDefault(l => l.Id == item);
            if (link is null)
            {
                return [new ContentError("", "That link is no longer in the menu.")];
            }

            Editing = link;
            var errors = link.ContentItemId is null && link.Type != MenuNames.ContentMenuItem ? LinkErrors(text, url) : TextErrors(text);
            if (page is { Length: > 0 } && Pages.All(p => p.Id != page))
            {
                errors.Add(new ContentError("page", "Choose the page the link shows."));
            }

            if (errors.Count == 0)
            {
                MenuEdits.Update(menu, item, text!.Trim(), url?.Trim(), newTab, page);
            }

            return errors;
        });

    public Task<IActionResult> OnPostMoveAsync(string id, string version, string item, string move) =>
        ChangeAsync(id, version, menu => move switch
        {
            "up" => MenuEdits.Move(menu, item, -1),
            "down" => MenuEdits.Move(menu, item, 1),
            "in" => MenuEdits.Indent(menu, item),
            "out" => MenuEdits.Outdent(menu, item),
            "remove" => MenuEdits.Remove(menu, item),
            _ => false,
        }
            ? []
            : [new ContentError("", "That link cannot move that way (or is no longer in the menu); nothing was changed.")]);

    // Reads the menu, makes the change on it and publishes it; shows the page again with what was wrong when it cannot.
    private async Task<IActionResult> ChangeAsync(string id, string version, Func<JsonObject, List<ContentError>> change)
    {
        await using var session = _content.Open(HttpContext);
        if (await LoadAsync(session, id) is not { } menu)
        {
            return NotFound();
        }

        if (!await AdminContent.HasAsync(HttpContext, Permissions.PublishContent))
        {
            return Forbid();
        }

        foreach (var (key, value) in Request.Form)
        {
            Typed[key] = value.ToString();
        }

        if (version != Version)
        {
            return Refused(new ContentError("", "Someone else changed this menu after you opened it. Here it is as it is now; make your change again."));
        }

        var errors = change(menu.Data);
        if (errors.Count > 0)
        {
            return Refused([.. errors]);
        }

        var result = await session.Manager.PublishAsync(menu, AdminContent.UserName(User), HttpContext.RequestAborted);
        if (result.Conflict)
        {
            await LoadAsync(session, id);
            return Refused(new ContentError("", "Someone else changed this menu at the same moment. Here it is as it is now; make your change again."));
        }

        if (result.Errors.Count > 0)
        {
            return Refused([.. result.Errors]);
        }

        return Redirect($"{Request.PathBase}/admin/menus/{Uri.EscapeDataString(id)}?done=saved");
    }

    private PageResult Refused(params ContentError[] errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<ContentItem?> LoadAsync(AdminContent.Session session, string id)
    {
        if (await session.Manager.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted) is not { ContentType: MenuNames.Menu } menu)
        {
            return null;
        }

        MenuId = id;
        Title = menu.DisplayText ?? id;
        Version = menu.ContentItemVersionId;
        Links = MenuTree.Read(menu.Data);
        var routable = session.Manager.Definitions.ContentTypeDefinitionRecords.Where(t => t.HasPart(ContentNames.AutoroutePart)).Select(t => t.Name).ToList();
        Pages = routable.Count == 0 ? [] : (await session.ChoicesAsync(new ChoiceQuery(routable, null, PageChoices, null), HttpContext.RequestAborted))
            .Where(c => c.Status == ContentChoice.Published).ToList();
        return menu;
    }

    private static List<ContentError> TextErrors(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [new ContentError("text", "Give the link the words readers see in the navigation.")] : [];

    private static List<ContentError> LinkErrors(string? text, string? url)
    {
        var errors = TextErrors(text);
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add(new ContentError("url", "Give the address the link goes to: a page of the site as ~/fees, or an address such as https://booking.example.com."));
        }
        else if (MenuTree.Problem(url) is { } problem)
        {
            errors.Add(new ContentError("url", problem));
        }

        return errors;
    }

    public static IEnumerable<MenuLink> Flatten(IEnumerable<MenuLink> links) => links.SelectMany(l => Flatten(l.Children).Prepend(l));

    /// <summary>Where a link goes, in words: the page it shows (by title) or its address.</summary>
    public string Destination(MenuLink link) =>
        link.ContentItemId is { } target
            ? Pages.FirstOrDefault(p => p.Id == target)?.Title is { } title ? $"Page: {title}" : "A page that is not published (the link is hidden)"
            : link.Url ?? "No address (shown as text)";

    public IEnumerable<ContentError> ErrorsFor(string field) => Errors.Where(e => e.Path == field);
}
