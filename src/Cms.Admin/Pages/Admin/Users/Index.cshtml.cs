using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Users;

/// <summary>
/// The practice's users: add one, and from each row change roles, disable, set a new password or sign them out
/// everywhere. Each change but adding ends the user's sessions; an administrator changing themself stays signed in here.
/// </summary>
[Authorize(Policy = Permissions.ManageUsers)]
public sealed class UsersModel : PageModel
{
    private readonly AdminContent _content;

    public UsersModel(AdminContent content)
    {
        _content = content;
    }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public IReadOnlyCollection<string> RoleNames { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public string? NewUserName { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public List<string> NewRoles { get; set; } = [];

    public async Task OnGetAsync(string? done)
    {
        Notice = done switch
        {
            "added" => "User added. Give them their user name and password; they can sign in now.",
            "saved" => "Saved. A user whose roles or access changed is signed out everywhere and signs in again.",
            "password" => "New password set. The user is signed out everywhere, and any hold after wrong passwords is lifted.",
            "signedout" => "The user is signed out everywhere: every session has ended, and they sign in again with their password.",
            _ => null,
        };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var users = HttpContext.RequestServices.GetRequiredService<UserAccounts>();
        var name = NewUserName?.Trim() ?? "";
        if (UserAccounts.CheckUserName(name) is { } nameProblem)
        {
            Errors.Add(nameProblem);
        }

        if (PasswordRule.Check(NewPassword) is { } passwordProblem)
        {
            Errors.Add(passwordProblem);
        }

        await using var session = _content.Open(HttpContext);
        if (Errors.Count == 0 && (await UserAccounts.ListAsync(session.Db, HttpContext.RequestAborted)).Any(u => string.Equals(u.UserName, name, StringComparison.OrdinalIgnoreCase)))
        {
            Errors.Add($"There is already a user named “{name}”.");
        }

        if (Errors.Count > 0)
        {
            await LoadAsync();
            return Page();
        }

        await users.CreateAsync(session.Db, name, NewPassword!, NewRoles, HttpContext.RequestAborted);
        return Redirect($"{Request.PathBase}/admin/users?done=added");
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, List<string> roles, bool enabled)
    {
        if (id == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value && (!enabled || !roles.Contains(Security.Roles.Administrator) && (await TenantRoles.OfAsync(HttpContext)).IsAdministrator(User)))
        {
            Errors.Add("You cannot disable yourself or take away your own Administrator role; ask another administrator.");
            await LoadAsync();
            return Page();
        }

        await using var session = _content.Open(HttpContext);
        if (!await UserAccounts.UpdateAsync(session.Db, id, roles, enabled, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        await RenewOwnSessionAsync(session, id);
        return Redirect($"{Request.PathBase}/admin/users?done=saved");
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password)
    {
        await using var session = _content.Open(HttpContext);
        if (await HttpContext.RequestServices.GetRequiredService<UserAccounts>().ResetPasswordAsync(session.Db, id, password ?? "", HttpContext.RequestAborted) is { } problem)
        {
            Errors.Add(problem);
            await LoadAsync();
            return Page();
        }

        await RenewOwnSessionAsync(session, id);
        return Redirect($"{Request.PathBase}/admin/users?done=password");
    }

    public async Task<IActionResult> OnPostSignOutAsync(string id)
    {
        await using var session = _content.Open(HttpContext);
        if (!await UserAccounts.SignOutEverywhereAsync(session.Db, id, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        return Redirect($"{Request.PathBase}/admin/users?done=signedout");
    }

    // The user's new stamp ends their sessions (its save raised the change that rebuilds the runtime, with what it read of
    // sessions, on every node). An administrator who changed themself gets a fresh cookie for this session.
    private async Task RenewOwnSessionAsync(AdminContent.Session session, string id)
    {
        if (id == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value)
        {
            await UserSessions.RenewAsync(HttpContext, session.Db);
        }
    }

    private async Task LoadAsync()
    {
        await using var session = _content.Open(HttpContext);
        Users = (await UserAccounts.ListAsync(session.Db, HttpContext.RequestAborted))
            .Select(u => new UserRow(u.Id, u.UserName, u.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries), u.IsEnabled))
            .ToList();
        RoleNames = (await TenantRoles.OfAsync(HttpContext)).Roles.Order(StringComparer.Ordinal).ToList();
    }
}

public sealed record UserRow(string Id, string UserName, IReadOnlyList<string> Roles, bool Enabled);
