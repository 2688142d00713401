using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Roles;

/// <summary>
/// What each role may do: a table of permissions by role to tick, plus adding and deleting roles. A change
/// rebuilds the tenant's runtime, so it applies from everyone's next request.
/// </summary>
[Authorize(Policy = Permissions.ManageRoles)]
public sealed class RolesModel : PageModel
{
    /// <summary>The form field of a role's ticked permissions is this prefix and the role's name.</summary>
    public const string GrantField = "grant.";

    private readonly AdminContent _content;

    public RolesModel(AdminContent content)
    {
        _content = content;
    }

    public IReadOnlyList<RoleEntry> Roles { get; private set; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>Why the new role's name will not do, shown next to the field.</summary>
    public string? NameError { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? NewRoleName { get; set; }

    [BindProperty]
    public string? NewRoleDescription { get; set; }

    public async Task OnGetAsync(string? done, string? role)
    {
        Notice = done switch
        {
            "saved" => "Saved. The change applies from each user's next click.",
            "added" => $"Role “{role}” added. Tick what it may do below, save, then give it to people on the Users page.",
            "deleted" => $"Role “{role}” deleted.",
            _ => null,
        };
        await LoadAsync();
    }

    /// <summary>Saves the ticked permissions of the roles the form showed (<paramref name="role"/>).</summary>
    public async Task<IActionResult> OnPostSaveAsync(List<string> role)
    {
        var granted = role.Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            name => name,
            name => (IReadOnlySet<string>)Request.Form[GrantField + name].OfType<string>().ToHashSet(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);

        // Someone who is not an administrator must not take this page away from themselves: nobody but an
        // administrator could give it back.
        var rights = await TenantRoles.OfAsync(HttpContext);
        var mine = rights.RolesOf(User);
        if (!rights.IsAdministrator(User)
            && !mine.Any(r => (granted.TryGetValue(r, out var set) ? set : rights.Of(r)).Contains(Permissions.ManageRoles)))
        {
            Errors.Add($"Saving this would take away your own right to change roles (you have {string.Join(", ", mine)}). Keep “Change what each role may do” ticked for one of your roles, or ask an administrator.");
            await LoadAsync();
            return Page();
        }

        await using (var session = _content.Open(HttpContext))
        {
            await RoleDocument.SetPermissionsAsync(session.Db, granted, _content.Now, HttpContext.RequestAborted);
        }

        return Redirect($"{Request.PathBase}/admin/roles?done=saved");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var name = NewRoleName?.Trim() ?? "";
        await using (var session = _content.Open(HttpContext))
        {
            NameError = await RoleDocument.AddAsync(session.Db, name, NewRoleDescription, _content.Now, HttpContext.RequestAborted);
        }

        if (NameError is not null)
        {
            Errors.Add(NameError);
            await LoadAsync();
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/roles?done=added&role={Uri.EscapeDataString(name)}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? name)
    {
        string? problem;
        await using (var session = _content.Open(HttpContext))
        {
            problem = await RoleDocument.DeleteAsync(session.Db, name ?? "", _content.Now, HttpContext.RequestAborted);
        }

        if (problem is not null)
        {
            Errors.Add(problem);
            await LoadAsync();
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/roles?done=deleted&role={Uri.EscapeDataString(name!)}");
    }

    private async Task LoadAsync()
    {
        await using var session = _content.Open(HttpContext);
        Roles = await RoleDocument.ListAsync(session.Db, HttpContext.RequestAborted);
    }
}
