using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cms.Web.Endpoints;

/// <summary>Sign-in and sign-out on every tenant, each against its own users.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            LoginPage(context, antiforgery, returnUrl, error: null));

        app.MapPost("/login", SignInAsync).RequireRateLimiting(SignInThrottle.AddressPolicy);

        // Bound from the form, so the antiforgery middleware checks its token as for every form: a page elsewhere
        // cannot sign a user out (nor out everywhere).
        app.MapPost("/logout", SignOutAsync);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, UserAccounts users, SignInThrottle throttle, [FromForm] LoginForm form)
    {
        var tenant = context.GetTenant();
        var userName = form.UserName ?? "";
        await using var db = tenant.CreateDbContext();
        var user = await UserAccounts.FindAsync(db, userName, context.RequestAborted);
        var key = throttle.KeyFor(context, tenant.Name, userName, user?.SecurityStamp);
        if (throttle.HoldOf(key) is { } hold)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(hold.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return LoginPage(context, antiforgery, form.ReturnUrl, hold.Message, StatusCodes.Status429TooManyRequests);
        }

        var outcome = users.Verify(user, form.Password ?? "");
        if (outcome.Status == SignInStatus.Failed)
        {
            throttle.Failed(key);
        }

        if (outcome.Status != SignInStatus.Succeeded)
        {
            var message = outcome.Status == SignInStatus.Disabled
                ? "This account is disabled. Ask an administrator of this site."
                : "The user name or password is not right.";
            return LoginPage(context, antiforgery, form.ReturnUrl, message, StatusCodes.Status400BadRequest);
        }

        await context.SignInAsync(CmsAuthentication.CookieScheme, CmsAuthentication.CreatePrincipal(outcome.User!, tenant.Name, UserSessions.NewId()));
        throttle.Succeeded(context, key);
        var target = IsLocal(form.ReturnUrl) ? form.ReturnUrl : $"{context.Request.PathBase}/admin";
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, UserSessions sessions, IOptionsMonitor<CookieAuthenticationOptions> cookies, [FromForm] LogoutForm? form)
    {
        var tenant = context.GetTenant();
        if (context.User.FindFirstValue(CmsClaims.Tenant) == tenant.Name && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            // A form with only its token binds to no form object at all.
            if (form?.Everywhere == true)
            {
                await using var db = tenant.CreateDbContext();
                await UserAccounts.SignOutEverywhereAsync(db, userId, context.RequestAborted);
            }

            await sessions.EndAsync(tenant, context.User, cookies.Get(CmsAuthentication.CookieScheme).ExpireTimeSpan, context.RequestAborted);
        }

        await context.SignOutAsync(CmsAuthentication.CookieScheme);
        return Results.LocalRedirect($"{context.Request.PathBase}/");
    }

    private static ContentPage LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var tenant = context.GetTenant();
        var site = WebUtility.HtmlEncode(tenant.DisplayName);
        var purpose = tenant.Settings.IsDefault ? $"<strong>{site}</strong>: sign in to manage the practices on this server." : $"Sign in to manage <strong>{site}</strong>.";
        var body = $"""
            <p>{purpose}</p>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>")}
            <form method="post" action="{context.Request.PathBase}/login">
              <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">
              <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(IsLocal(returnUrl) ? returnUrl : "")}">
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" required autofocus>
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            <p>Forgot your password? An administrator of this site can set a new one for you on the Users page of its admin;
            that also lifts a hold after wrong passwords.</p>
            """;
        return new ContentPage(StatusPage.Render("Sign in", body), statusCode);
    }

    // Control characters are refused too: "\r\n" made the redirect throw (a 500), and browsers drop tabs and newlines
    // from addresses, so "/\t/evil.example" would have been followed as "//evil.example".
    private static bool IsLocal([NotNullWhen(true)] string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    // Properties rather than a positional record: the form binder requires every constructor parameter.
    internal sealed record LoginForm
    {
        public string? UserName { get; init; }

        public string? Password { get; init; }

        public string? ReturnUrl { get; init; }
    }

    internal sealed record LogoutForm
    {
        /// <summary>Ends every session of the user (every browser, every copied cookie), not only this one.</summary>
        public bool Everywhere { get; init; }
    }

    private sealed record ContentPage(string Content, int StatusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Results.Content(Content, "text/html; charset=utf-8", statusCode: StatusCode).ExecuteAsync(httpContext);
    }
}
