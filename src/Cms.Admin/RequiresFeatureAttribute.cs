using Cms.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Cms.Admin;

/// <summary>An admin page of a module's: not found for a tenant whose feature is off, as if the module were not there.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresFeatureAttribute(string feature) : Attribute, IAsyncPageFilter
{
    public string Feature { get; } = feature;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.GetTenant().Has(Feature))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
