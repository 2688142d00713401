using Cms.Recipes;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Practices;

/// <summary>
/// Host administration on the Default tenant: the practices (search, paging, state), create one, disable,
/// enable, remove. A practice created here answers as soon as the form returns.
/// </summary>
[Authorize(Policy = CmsAuthentication.HostAdminPolicy)]
public sealed class PracticesModel : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<TenantSettings> Practices { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<RecipeDescriptor> SetupRecipes { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Notice { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    [BindProperty]
    public PracticeForm Form { get; set; } = new();

    public async Task OnGetAsync(string? done, string? name)
    {
        Notice = done switch
        {
            "created" => $"Practice “{name}” created and running.",
            "disabled" => $"Practice “{name}” disabled: its site and admin answer “unavailable” until you enable it.",
            "enabled" => $"Practice “{name}” enabled.",
            "removed" => $"Practice “{name}” removed with its data.",
            "readdressed" => $"Practice “{name}” now answers at its new address. People signed in to its admin sign in again there.",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var result = await Tenants.CreateAsync(
            new CreateTenantRequest
            {
                Name = Form.Name?.Trim() ?? "",

                // Asked for here, so a practice is never titled by its technical name; a blank one is refused by the setup check.
                DisplayName = Form.DisplayName ?? "",
                Hosts = AddressFields.Hosts(Form.Hosts),
                Prefix = AddressFields.Prefix(Form.Prefix),
                RecipeName = string.IsNullOrWhiteSpace(Form.Recipe) ? null : Form.Recipe,
                AdminUserName = string.IsNullOrWhiteSpace(Form.AdminUserName) ? null : Form.AdminUserName.Trim(),
                AdminPassword = string.IsNullOrEmpty(Form.AdminPassword) ? null : Form.AdminPassword,
            },
            HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors);
            await LoadAsync();
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/practices?done=created&name={Uri.EscapeDataString(result.Tenant!.Name)}");
    }

    public Task<IActionResult> OnPostDisableAsync(string name) => ChangeAsync(name, "disabled", Tenants.DisableAsync);

    public Task<IActionResult> OnPostEnableAsync(string name) => ChangeAsync(name, "enabled", Tenants.EnableAsync);

    private TenantManager Tenants => HttpContext.RequestServices.GetRequiredService<TenantManager>();

    private async Task<IActionResult> ChangeAsync(string name, string done, Func<string, CancellationToken, Task<TenantResult>> change)
    {
        var result = await change(name, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors);
            await LoadAsync();
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/practices?done={done}&name={Uri.EscapeDataString(name)}");
    }

    private async Task LoadAsync()
    {
        P = Math.Max(1, P);
        var all = (await Tenants.ListAsync(HttpContext.RequestAborted))
            .Where(t => !t.IsDefault && (string.IsNullOrWhiteSpace(Q) || t.Name.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase) || t.Hosts.Any(h => h.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase))))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        Total = all.Count;
        Practices = all.Skip((P - 1) * PageSize).Take(PageSize).ToList();
        SetupRecipes = HttpContext.RequestServices.GetRequiredService<RecipeCatalog>().Recipes.Where(r => r.IsSetupRecipe).ToList();
    }
}

public sealed class PracticeForm
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? Hosts { get; set; }

    public string? Prefix { get; set; }

    public string? Recipe { get; set; } = "practice";

    public string? AdminUserName { get; set; }

    public string? AdminPassword { get; set; }
}
