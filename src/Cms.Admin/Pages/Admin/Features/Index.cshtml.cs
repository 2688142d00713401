using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Modules;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Features;

/// <summary>
/// The tenant's features (Orchard's Features page): each module of this host, on or off for this practice. Turning one
/// off removes its pages, routes, admin entries and content rules from the practice at once; its content stays stored
/// and comes back when the feature is turned on again.
/// </summary>
[Authorize(Policy = Permissions.ManageFeatures)]
public sealed class FeaturesModel : PageModel
{
    private readonly AdminContent _content;
    private readonly IReadOnlyList<ModuleFeature> _modules;

    public FeaturesModel(AdminContent content, IEnumerable<ModuleFeature> modules)
    {
        _content = content;
        _modules = modules.OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
    }

    public IReadOnlyList<(ModuleFeature Feature, bool On)> Features { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet(string? done)
    {
        // The host's own tenant has no site, so no module to turn on.
        if (HttpContext.GetTenant().Settings.IsDefault)
        {
            return NotFound();
        }

        Notice = done;
        Read(HttpContext.GetTenant().Features);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? feature, bool on)
    {
        var tenant = HttpContext.GetTenant();
        if (tenant.Settings.IsDefault)
        {
            return NotFound();
        }

        if (_modules.FirstOrDefault(m => m.Id == feature) is not { } module)
        {
            Error = $"There is no feature '{feature}' on this server; nothing was changed.";
            Read(tenant.Features);
            return Page();
        }

        // Under the tenant's write lock, as an import: two changes at once (this page twice, or a recipe's feature step)
        // each start from what the other wrote.
        await using var session = _content.Open(HttpContext);
        await using var transaction = await TenantWriteLock.BeginAloneAsync(session.Db, HttpContext.RequestAborted);
        var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.Features, HttpContext.RequestAborted);
        var changed = TenantFeatures.With(document, _modules, module.Id, on);
        await TenantDocuments.SetAsync(session.Db, RecipeDocuments.Features, changed, _content.Now, HttpContext.RequestAborted);
        await transaction.CommitAsync(HttpContext.RequestAborted);
        var done = on ? $"{module.Name} is on." : $"{module.Name} is off. Its content is kept and comes back when you turn it on again.";
        return Redirect($"{Request.PathBase}/admin/features?done={Uri.EscapeDataString(done)}");
    }

    private void Read(IReadOnlySet<string> enabled) => Features = _modules.Select(m => (m, enabled.Contains(m.Id))).ToList();
}
