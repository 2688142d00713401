using Fluid;

namespace Cms.Practice.Rendering;

/// <summary>Partials by name, for Fluid's render and include tags: the theme's, or the practice's that replace them.</summary>
internal sealed class TemplateSources(Dictionary<string, string> sources) : ITemplateFileProvider
{
    // A source never changes under its name (a change of templates makes new sources), so its time is a constant.
    private static readonly DateTimeOffset s_loaded = DateTimeOffset.UnixEpoch;

    public ValueTask<TemplateSourceInfo?> GetFileInfoAsync(string subpath, TemplateContext context, CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(subpath.TrimStart('/'));
        if (!sources.TryGetValue(name, out var source))
        {
            return ValueTask.FromResult<TemplateSourceInfo?>(null);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(source);
        return ValueTask.FromResult<TemplateSourceInfo?>(new TemplateSourceInfo(s_loaded, _ => ValueTask.FromResult<Stream>(new MemoryStream(bytes, writable: false)), name));
    }
}
