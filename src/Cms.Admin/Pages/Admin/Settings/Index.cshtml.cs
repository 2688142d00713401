using System.Text.Json.Nodes;
using Cms.Admin.Editors;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Settings;

/// <summary>
/// The practice settings (Orchard custom settings of the type named by the route, PracticeSettings by default),
/// edited with the same editors as content and checked by the same rules before they are stored.
/// </summary>
[Authorize(Policy = Permissions.ManageSettings)]
public sealed class SettingsModel : PageModel
{
    public const string DefaultType = "PracticeSettings";

    private readonly AdminContent _content;

    public SettingsModel(AdminContent content)
    {
        _content = content;
    }

    public ItemEditor? Editor { get; private set; }

    public IReadOnlyList<ContentError> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? saved)
    {
        await using var session = _content.Open(HttpContext);
        if (await LoadAsync(session) is null)
        {
            return NotFound();
        }

        Saved = saved == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await using var session = _content.Open(HttpContext);
        if (await LoadAsync(session) is not { } item)
        {
            return NotFound();
        }

        var errors = Editor!.Bind(item, Request.Form, FieldTime.Zone(session.Tenant));
        var context = new ContentSavingContext(item, Editor.Type, session.Tenant.Definitions, new ContentLookup(session.Db, _ => Task.CompletedTask));
        foreach (var handler in HttpContext.RequestServices.GetServices<IContentHandler>())
        {
            await handler.SavingAsync(context, HttpContext.RequestAborted);
        }

        errors.AddRange(context.Errors);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.CustomSettings, HttpContext.RequestAborted) ?? [];
        document[DefaultType] = item.ToOrchardJson();
        await TenantDocuments.SetAsync(session.Db, RecipeDocuments.CustomSettings, document, _content.Now, HttpContext.RequestAborted);
        return Redirect($"{Request.PathBase}/admin/settings?saved=1");
    }

    public IEnumerable<ContentError> ErrorsFor(string path) =>
        Errors.Where(e => e.Path == path || e.Path.StartsWith(path + ".", StringComparison.Ordinal));

    private async Task<ContentItem?> LoadAsync(AdminContent.Session session)
    {
        if (session.Tenant.Definitions.FindType(DefaultType) is not { } type)
        {
            return null;
        }

        var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.CustomSettings, HttpContext.RequestAborted);
        var item = document?[DefaultType] is JsonObject stored ? new ContentItem((JsonObject)stored.DeepClone()) : ContentItem.Create(DefaultType);
        item.ContentType = DefaultType;
        Editor = ItemEditor.For(type, session.Tenant.Definitions, item);
        return item;
    }
}
