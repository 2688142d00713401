using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Cms.Security;

/// <summary>
/// A state-changing API call signed in by cookie must carry the antiforgery token in a header: a browser adds the
/// cookie to a request whatever page makes it, so without the token any page, a practice's own among them, could
/// act as the signed-in user. A call with the API key needs none: a browser never adds that header by itself.
/// On a route group, it covers every handler mapped with parameters; a bare RequestDelegate would bypass it.
/// </summary>
internal sealed class CookieCallerAntiforgeryFilter(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!ChangesState(http.Request.Method) || http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == CmsAuthentication.ApiKeyScheme))
        {
            return await next(context);
        }

        // The header only: reading a token from a form would consume a body the endpoint itself reads (a recipe).
        var header = options.Value.HeaderName!;
        if (!http.Request.Headers.ContainsKey(header))
        {
            return Refuse($"This call is signed in by a cookie, so it must carry the antiforgery token of this site in the {header} header: "
                + $"take it from the {options.Value.FormFieldName} field of one of this site's admin pages, signed in as the same user. "
                + $"Automation can send the {ApiKeyAuthenticationHandler.HeaderName} header instead, which needs no token.");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException e)
        {
            return Refuse($"The antiforgery token in the {header} header is not valid here ({e.Message}) "
                + $"Take it from the {options.Value.FormFieldName} field of one of this site's admin pages, signed in as the same user.");
        }

        return await next(context);
    }

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static ProblemHttpResult Refuse(string detail) =>
        TypedResults.Problem(title: "The antiforgery token is missing or not valid.", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
