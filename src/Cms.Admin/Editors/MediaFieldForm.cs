using Cms.Content;
using Cms.Content.Handlers;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Editors;

/// <summary>
/// The images a posted editor form gives its media fields: a file uploaded goes into the library first; a path typed
/// or chosen from the library must name an image in it. Runs before the item is bound, while its fields still hold
/// the paths it was saved with (those are kept as they are, even if the file has gone).
/// </summary>
internal static class MediaFieldForm
{
    /// <summary>The uploaded images' paths by field path, and the problems, by field path.</summary>
    public static async Task<(Dictionary<string, string> Uploaded, List<ContentError> Errors)> ReadAsync(HttpContext context, ItemEditor editor, bool takeUploads)
    {
        var uploaded = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<ContentError>();
        var tenant = context.GetTenant().Settings;
        foreach (var entry in editor.AllEntries.Where(e => e.Kind == ContentNames.MediaField))
        {
            if (takeUploads && context.Request.Form.Files.GetFile(entry.Name + ".Upload") is { Length: > 0 } file)
            {
                if (!await AdminContent.MayAsync(context, Permissions.ManageOwnMediaContent, null))
                {
                    errors.Add(new ContentError(entry.Name, "Your role may not upload images."));
                    continue;
                }

                var (path, error) = await context.RequestServices.GetRequiredService<MediaUploads>().SaveAsync(tenant, file, context.RequestAborted);
                if (path is not null)
                {
                    uploaded[entry.Name] = path;
                }
                else
                {
                    errors.Add(new ContentError(entry.Name, error!));
                }

                continue;
            }

            // A field with several images posts one path box per image.
            foreach (var posted in context.Request.Form[entry.Name].OfType<string>().Where(p => p.Length > 0 && !entry.Strings("Paths").Contains(p)))
            {
                if (await context.RequestServices.GetRequiredService<MediaLibrary>().CheckAsync(tenant, posted, context.RequestAborted) is { } problem)
                {
                    errors.Add(new ContentError(entry.Name, problem));
                }
            }
        }

        return (uploaded, errors);
    }
}
