using Cms.Content.Definitions;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Types;

[Authorize(Policy = Permissions.EditContentTypes)]
public sealed class TypesModel : PageModel
{
    public ContentDefinitions Definitions { get; private set; } = ContentDefinitions.Empty;

    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public void OnGet()
    {
        Definitions = HttpContext.GetTenant().Definitions;
        Types = Definitions.ContentTypeDefinitionRecords.OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList();
    }
}
