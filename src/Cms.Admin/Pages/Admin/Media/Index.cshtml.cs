using Cms.Admin.Editors;
using Cms.Media;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Media;

/// <summary>
/// The practice's media library: browse and search it, see what nothing uses, upload several images at once, replace
/// one keeping its path, and delete one that nothing uses (a file in use is refused, with the items using it named).
/// </summary>
[Authorize(Policy = Permissions.ManageMediaContent)]
public sealed class MediaModel : PageModel
{
    /// <summary>How many files one upload takes; the request is also bounded by the server's size limit (30 MB).</summary>
    public const int MaxFilesPerUpload = 20;

    private readonly AdminContent _content;
    private readonly MediaLibrary _library;
    private readonly MediaUploads _uploads;
    private readonly IMediaStore _store;
    private readonly MediaImages _images;

    public MediaModel(AdminContent content, MediaLibrary library, MediaUploads uploads, IMediaStore store, MediaImages images)
    {
        _content = content;
        _library = library;
        _uploads = uploads;
        _store = store;
        _images = images;
    }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "unused")]
    public bool UnusedOnly { get; set; }

    // "p", not "page": Razor Pages keeps "page" for the page's own route value (as the content list does).
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public MediaPage Files { get; private set; } = new([], 0, 1, false);

    public IReadOnlyDictionary<string, IReadOnlyList<MediaUse>> Uses { get; private set; } = new Dictionary<string, IReadOnlyList<MediaUse>>();

    /// <summary>The file whose deletion waits to be confirmed, or was refused.</summary>
    public string? Deleting { get; private set; }

    public string? Notice { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    private TenantSettings Tenant => HttpContext.GetTenant().Settings;

    public async Task<IActionResult> OnGetAsync(string? delete, string? done, int? count, string? path)
    {
        Notice = done switch
        {
            "uploaded" => count == 1 ? "1 image uploaded." : $"{count} images uploaded.",
            "replaced" => $"“{path}” replaced; every page using it shows the new image.",
            "deleted" => $"“{path}” deleted.",
            _ => null,
        };
        if (delete is not null)
        {
            if (await _store.FindAsync(Tenant, delete, HttpContext.RequestAborted) is null)
            {
                Errors = [$"There is no file “{delete}” in the media library."];
            }
            else
            {
                Deleting = delete;
            }
        }

        await ShowAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? path)
    {
        path ??= "";
        var uses = await UsesAsync();
        if (await _store.FindAsync(Tenant, path, HttpContext.RequestAborted) is null)
        {
            Errors = [$"There is no file “{path}” in the media library."];
        }
        else if (uses.TryGetValue(path, out var users))
        {
            Deleting = path;
            Errors = [$"“{path}” is used by {(users.Count == 1 ? "1 item" : $"{users.Count} items")}; remove it from them first, then delete it."];
        }
        else
        {
            await _images.DeleteAsync(Tenant, path, HttpContext.RequestAborted);
            return Redirect($"{Request.PathBase}/admin/media?done=deleted&path={Uri.EscapeDataString(path)}");
        }

        await ShowAsync(uses);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(List<IFormFile> files)
    {
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (chosen.Count == 0)
        {
            Errors = ["Choose one or more images to upload."];
        }
        else if (chosen.Count > MaxFilesPerUpload)
        {
            Errors = [$"{chosen.Count} files were chosen; upload at most {MaxFilesPerUpload} at once."];
        }
        else
        {
            var refused = new List<string>();
            var saved = 0;
            foreach (var file in chosen)
            {
                var (_, error) = await _uploads.SaveAsync(Tenant, file, HttpContext.RequestAborted);
                if (error is null)
                {
                    saved++;
                }
                else
                {
                    refused.Add(error);
                }
            }

            if (refused.Count == 0)
            {
                return Redirect($"{Request.PathBase}/admin/media?done=uploaded&count={saved}");
            }

            Notice = saved == 0 ? null : saved == 1 ? "1 image uploaded." : $"{saved} images uploaded.";
            Errors = refused;
        }

        await ShowAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReplaceAsync(string? path, IFormFile? file)
    {
        path ??= "";
        var error = file is null
            ? $"Choose the image to put in place of “{path}”."
            : await _uploads.ReplaceAsync(Tenant, path, file, HttpContext.RequestAborted);
        if (error is null)
        {
            return Redirect($"{Request.PathBase}/admin/media?done=replaced&path={Uri.EscapeDataString(path)}");
        }

        Errors = [error];
        await ShowAsync();
        return Page();
    }

    /// <summary>Where the public site serves the file, under the request's path base.</summary>
    public string UrlOf(string path) => Request.PathBase + MediaImages.SitePath(path);

    /// <summary>This page's address with the search and filter kept, on another page.</summary>
    public string PageUrl(int page) =>
        $"{Request.PathBase}/admin/media?q={Uri.EscapeDataString(Search ?? "")}{(UnusedOnly ? "&unused=true" : "")}&p={page}";

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<MediaUse>>> UsesAsync()
    {
        await using var session = _content.Open(HttpContext);
        return await MediaUses.FindAsync(session.Db, HttpContext.RequestAborted);
    }

    private async Task ShowAsync(IReadOnlyDictionary<string, IReadOnlyList<MediaUse>>? uses = null)
    {
        Uses = uses ?? await UsesAsync();
        var leaveOut = UnusedOnly ? Uses.Keys.ToHashSet(StringComparer.Ordinal) : null;
        Files = await _library.ListAsync(Tenant, Search, PageNumber, leaveOut, HttpContext.RequestAborted);
    }
}
