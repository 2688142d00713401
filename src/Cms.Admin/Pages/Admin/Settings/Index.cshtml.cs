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
[RequiresFeature(AdminModule.PracticeFeature)]
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

    /// <summary>The form's name of the time zone (a site setting, kept beside the practice's own).</summary>
    public const string TimeZoneField = "SiteSettings.TimeZone";

    /// <summary>The practice's time zone as stored, or as typed when the form is shown again with its errors.</summary>
    public string TimeZone { get; private set; } = "UTC";

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
        TimeZone = Request.Form[TimeZoneField].ToString();

        // One of the offered zones; a zone a recipe set that is not offered (an alias, say) may stay as it is.
        if (!TimeZones.IsChoice(TimeZone) && TimeZone != session.Tenant.Site.TimeZone)
        {
            errors.Add(new ContentError(TimeZoneField, $"Time zone: '{TimeZone}' is not a time zone. Choose one from the list, such as America/New_York."));
        }

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

        // Both documents or neither: one change, one reload of the site.
        await using var transaction = await session.Db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.CustomSettings, HttpContext.RequestAborted) ?? [];
        document[DefaultType] = item.ToOrchardJson();
        await TenantDocuments.SetAsync(session.Db, RecipeDocuments.CustomSettings, document, _content.Now, HttpContext.RequestAborted);
        var site = await TenantDocuments.GetAsync<SiteSettings>(session.Db, SiteSettings.DocumentKey, HttpContext.RequestAborted) ?? session.Tenant.Site;
        if (site.TimeZone != TimeZone)
        {
            await TenantDocuments.SetAsync(session.Db, SiteSettings.DocumentKey, site with { TimeZone = TimeZone }, _content.Now, HttpContext.RequestAborted);
        }

        await transaction.CommitAsync(HttpContext.RequestAborted);
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
        TimeZone = session.Tenant.Site.TimeZone;
        return item;
    }
}
