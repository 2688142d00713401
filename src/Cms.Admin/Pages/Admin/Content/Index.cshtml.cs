using Cms.Content.Definitions;
using Cms.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

public sealed class ContentListModel : PageModel
{
    private const int PageSize = 25;
    private readonly AdminContent _content;

    public ContentListModel(AdminContent content)
    {
        _content = content;
    }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    public IReadOnlyList<ContentRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string? TypeName { get; private set; }

    public IReadOnlyList<ContentTypeDefinition> ListableTypes { get; private set; } = [];

    public IReadOnlyList<ContentTypeDefinition> CreatableTypes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var definitions = HttpContext.GetTenant().Definitions;
        ListableTypes = definitions.ContentTypeDefinitionRecords.Where(t => t.IsListed).OrderBy(t => t.DisplayName).ToList();
        CreatableTypes = ListableTypes.Where(t => t.Setting("Creatable") && (string.IsNullOrEmpty(Type) || t.Name == Type)).ToList();
        TypeName = definitions.FindType(Type ?? "")?.DisplayName;
        P = Math.Max(1, P);
        await using var session = _content.Open(HttpContext);
        (Rows, Total) = await session.ListAsync(new ContentFilter(Type, Status, Owner, Q, Sort, P, PageSize), await AdminContent.DraftOwnerAsync(HttpContext), HttpContext.RequestAborted);
    }
}
