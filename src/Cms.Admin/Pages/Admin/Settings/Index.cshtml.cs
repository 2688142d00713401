using System.Text.Json.Nodes;
using Cms.Admin.Editors;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Data;
using Cms.Modules;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Settings;

/// <summary>
/// The site's settings: its time zone, and each settings section of the modules running for the tenant (custom
/// settings of a type, edited with the same editors as content and checked by the same rules before they are stored).
/// All of it is saved in one transaction, or nothing is.
/// </summary>
[Authorize(Policy = Permissions.ManageSettings)]
public sealed class SettingsModel : PageModel
{
    /// <summary>The form's name of the time zone.</summary>
    public const string TimeZoneField = "SiteSettings.TimeZone";

    private readonly AdminContent _content;

    public SettingsModel(AdminContent content)
    {
        _content = content;
    }

    /// <summary>The modules' sections with their editors, in the order the modules registered them.</summary>
    public IReadOnlyList<(SettingsSection Section, ItemEditor Editor, ContentItem Item)> Sections { get; private set; } = [];

    public IReadOnlyList<ContentError> Errors { get; private set; } = [];

    public bool Saved { get; private set; }

    /// <summary>The site's time zone as stored, or as typed when the form is shown again with its errors.</summary>
    public string TimeZone { get; private set; } = "UTC";

    public async Task<IActionResult> OnGetAsync(string? saved)
    {
        await using var session = _content.Open(HttpContext);
        await LoadAsync(session);
        Saved = saved == "1";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await using var session = _content.Open(HttpContext);
        await LoadAsync(session);
        var errors = new List<ContentError>();
        TimeZone = Request.Form[TimeZoneField].ToString();

        // One of the offered zones; a zone a recipe set that is not offered (an alias, say) may stay as it is.
        if (!TimeZones.IsChoice(TimeZone) && TimeZone != session.Tenant.Site.TimeZone)
        {
            errors.Add(new ContentError(TimeZoneField, $"Time zone: '{TimeZone}' is not a time zone. Choose one from the list, such as America/New_York."));
        }

        foreach (var (_, editor, item) in Sections)
        {
            errors.AddRange(editor.Bind(item, Request.Form, FieldTime.Zone(session.Tenant)));
            errors.AddRange(await session.Manager.CheckAsync(item, HttpContext.RequestAborted));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        // Every document or none: one change, one reload of the site.
        await using var transaction = await session.Db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        if (Sections.Count > 0)
        {
            var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.CustomSettings, HttpContext.RequestAborted) ?? [];
            foreach (var (section, _, item) in Sections)
            {
                document[section.ContentType] = item.ToOrchardJson();
            }

            await TenantDocuments.SetAsync(session.Db, RecipeDocuments.CustomSettings, document, _content.Now, HttpContext.RequestAborted);
        }

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

    // The sections of the modules running here whose type the tenant defines, each with its stored settings.
    private async Task LoadAsync(AdminContent.Session session)
    {
        TimeZone = session.Tenant.Site.TimeZone;
        var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.CustomSettings, HttpContext.RequestAborted);
        var sections = new List<(SettingsSection, ItemEditor, ContentItem)>();
        foreach (var section in HttpContext.RequestServices.GetServices<SettingsSection>().Running(session.Tenant.Features))
        {
            if (session.Tenant.Definitions.FindType(section.ContentType) is not { } type)
            {
                continue;
            }

            var item = document?[section.ContentType] is JsonObject stored ? new ContentItem((JsonObject)stored.DeepClone()) : ContentItem.Create(section.ContentType);
            item.ContentType = section.ContentType;
            sections.Add((section, ItemEditor.For(type, session.Tenant.Definitions, item), item));
        }

        Sections = sections;
    }
}
