using System.Net;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Web.Endpoints;

/// <summary>Sign-in and sign-out on every tenant, each against its own users.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            LoginPage(context, antiforgery, returnUrl, error: null));

        app.MapPost("/login", SignInAsync);

        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CmsAuthentication.CookieScheme);
            return Results.LocalRedirect($"{context.Request.PathBase}/");
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, UserAccounts users, TimeProvider time, [FromForm] LoginForm form)
    {
        var tenant = context.GetTenant();
        await using var db = tenant.CreateDbContext();
        var outcome = await users.CheckPasswordAsync(db, form.UserName ?? "", form.Password ?? "", context.RequestAborted);
        if (outcome.Status != SignInStatus.Succeeded)
        {
            var message = outcome.Status switch
            {
                SignInStatus.LockedOut => LockedOutMessage(outcome.User!.LockoutEndUtc - time.GetUtcNow()),
                SignInStatus.Disabled => "This account is disabled. Ask an administrator of this site.",
                _ => "The user name or password is not right.",
            };
            var page = LoginPage(context, antiforgery, form.ReturnUrl, message);
            return Results.Content(page.Content, "text/html; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        await context.SignInAsync(CmsAuthentication.CookieScheme, CmsAuthentication.CreatePrincipal(outcome.User!, tenant.Name));
        var target = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : $"{context.Request.PathBase}/admin";
        return Results.LocalRedirect(target);
    }

    // How long is left, not the full lockout: someone coming back after ten minutes is told five more.
    private static string LockedOutMessage(TimeSpan? left)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((left ?? TimeSpan.Zero).TotalMinutes));
        return $"This account is locked after {UserAccounts.MaxFailedAttempts} wrong passwords in a row. "
            + $"Try again in {minutes} {(minutes == 1 ? "minute" : "minutes")}, or ask an administrator of this site to set a new password for you.";
    }

    private static ContentPage LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var site = WebUtility.HtmlEncode(context.GetTenant().Site.SiteName);
        var body = $"""
            <p>Sign in to manage <strong>{site}</strong>.</p>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
            <form method="post" action="{context.Request.PathBase}/login">
              <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
              <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "")}">
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            <p>Forgot your password? An administrator of this site can set a new one for you on the Users page of its admin;
            that also unlocks an account locked after failed attempts.</p>
            """;
        return new ContentPage(StatusPage.Render("Sign in", body));
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    // Properties rather than a positional record: the form binder requires every constructor parameter.
    internal sealed record LoginForm
    {
        public string? UserName { get; init; }

        public string? Password { get; init; }

        public string? ReturnUrl { get; init; }
    }

    private sealed record ContentPage(string Content) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Results.Content(Content, "text/html; charset=utf-8").ExecuteAsync(httpContext);
    }
}
