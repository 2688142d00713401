using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cms.Web.Endpoints;

/// <summary>Tenant management over HTTP for host administrators (a host-admin sign-in or the API key).</summary>
internal static class TenantApi
{
    /// <summary>Maps /api/tenants on the API group, whose filter asks a cookie caller for the antiforgery token.</summary>
    public static void MapTenantApi(this RouteGroupBuilder apiGroup)
    {
        var api = apiGroup.MapGroup("/tenants").RequireAuthorization(CmsAuthentication.HostAdminPolicy);
        api.MapGet("/", async (TenantManager tenants, CancellationToken cancellationToken) =>
            TypedResults.Ok((await tenants.ListAsync(cancellationToken)).Select(TenantModel.From)));
        api.MapGet("/{name}", GetAsync);
        api.MapPost("/", CreateAsync);
        // The tenant's address as a whole: the hosts given replace its hosts; no prefix removes the prefix.
        // A JSON null for the hosts list gets past the non-nullable type; it means "no hosts".
        api.MapPut("/{name}", (string name, TenantAddress address, TenantManager tenants, CancellationToken cancellationToken) =>
            ToResultAsync(tenants.ChangeAddressAsync(name, address with { Hosts = address.Hosts ?? [] }, cancellationToken)));
        api.MapPost("/{name}/disable", (string name, TenantManager tenants, CancellationToken cancellationToken) =>
            ToResultAsync(tenants.DisableAsync(name, cancellationToken)));
        api.MapPost("/{name}/enable", (string name, TenantManager tenants, CancellationToken cancellationToken) =>
            ToResultAsync(tenants.EnableAsync(name, cancellationToken)));
        api.MapDelete("/{name}", async (string name, TenantManager tenants, CancellationToken cancellationToken) =>
        {
            var result = await tenants.RemoveAsync(name, cancellationToken);
            return result.Succeeded ? Results.NoContent() : Problem(result);
        });
    }

    private static async Task<Results<Ok<TenantModel>, ProblemHttpResult>> GetAsync(string name, TenantManager tenants, CancellationToken cancellationToken) =>
        await tenants.FindAsync(name, cancellationToken) is { } tenant
            ? TypedResults.Ok(TenantModel.From(tenant))
            : Problem(TenantResult.Fail(TenantFailure.NotFound, $"There is no tenant named '{name}'."));

    private static async Task<Results<Created<TenantModel>, ProblemHttpResult>> CreateAsync(CreateTenantRequest request, TenantManager tenants, CancellationToken cancellationToken)
    {
        var result = await tenants.CreateAsync(request, cancellationToken);
        return result.Succeeded
            ? TypedResults.Created($"/api/tenants/{result.Tenant!.Name}", TenantModel.From(result.Tenant))
            : Problem(result);
    }

    private static async Task<IResult> ToResultAsync(Task<TenantResult> operation)
    {
        var result = await operation;
        return result.Succeeded ? TypedResults.Ok(TenantModel.From(result.Tenant!)) : Problem(result);
    }

    private static ProblemHttpResult Problem(TenantResult result) => TypedResults.Problem(
        title: result.Failure switch
        {
            TenantFailure.Invalid => "The request is not valid.",
            TenantFailure.Conflict => "The tenant would clash with an existing one.",
            TenantFailure.NotFound => "No such tenant.",
            TenantFailure.RemovalFailed => "Removing the tenant stopped; it is left disabled.",
            _ => "Setting up the tenant failed.",
        },
        detail: string.Join(" ", result.Errors),
        statusCode: result.Failure switch
        {
            TenantFailure.Invalid => StatusCodes.Status400BadRequest,
            TenantFailure.Conflict => StatusCodes.Status409Conflict,
            TenantFailure.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status500InternalServerError,
        },
        extensions: new Dictionary<string, object?> { ["errors"] = result.Errors });

    internal sealed record TenantModel(string Name, string State, IReadOnlyList<string> Hosts, string? Prefix, string? RecipeName, DateTimeOffset CreatedUtc)
    {
        public static TenantModel From(TenantSettings tenant) =>
            new(tenant.Name, tenant.State.ToString(), tenant.Hosts, tenant.Prefix, tenant.RecipeName, tenant.CreatedUtc);
    }
}
