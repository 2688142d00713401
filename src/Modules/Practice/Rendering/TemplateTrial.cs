using System.Text.Json.Nodes;
using Cms.Practice.Site;
using Cms.Tenancy;
using Cms.Themes;
using Microsoft.AspNetCore.Http;

namespace Cms.Practice.Rendering;

/// <summary>
/// Renders one page of each kind of a practice's site with candidate templates, within the live site's limits,
/// before they are stored (the admin's save, the <c>Templates</c> recipe step): a loop that would take the
/// process down, or an include of a partial that does not exist, is refused with the page it failed on.
/// </summary>
internal sealed class TemplateTrial(TenantRuntime tenant, PracticeSite site, JsonObject stored)
{
    // A path no route of the site takes, for the friendly 404.
    private const string NotFoundPath = "page-not-found/trial-render";

    /// <summary>The first page the candidates fail on, with the candidate to blame; empty when every page rendered.</summary>
    public async Task<IReadOnlyList<TemplateRefusal>> RunAsync(IReadOnlyDictionary<string, string> candidates, CancellationToken cancellationToken)
    {
        var trial = ThemeTemplates.With(stored, candidates);
        foreach (var (path, page) in Pages())
        {
            // Without the candidates means with the theme's own in their place, not the stored ones they replace.
            if (await FailureAsync(trial, path, cancellationToken) is not { } failure
                || await FailureAsync(ThemeTemplates.With(Without(candidates.Keys), new Dictionary<string, string>()), path, cancellationToken) is not null)
            {
                // Rendered, or fails without the candidates too: another stored template's doing, which the live site already falls back from.
                continue;
            }

            var blamed = await BlameAsync(candidates, path, cancellationToken);
            var subject = blamed is null ? "these templates together" : $"the template '{blamed}'";
            return [new TemplateRefusal(blamed, $"While rendering {page} (/{path}), {subject} {failure.Reason}.")];
        }

        return [];
    }

    // The candidate without which the page renders; null when no single one is (several fail only together).
    private async Task<string?> BlameAsync(IReadOnlyDictionary<string, string> candidates, string path, CancellationToken cancellationToken)
    {
        if (candidates.Count == 1)
        {
            return candidates.Keys.Single();
        }

        foreach (var name in candidates.Keys)
        {
            var others = candidates.Where(c => c.Key != name).ToDictionary();
            if (await FailureAsync(ThemeTemplates.With(Without([name]), others), path, cancellationToken) is null)
            {
                return name;
            }
        }

        return null;
    }

    // The stored templates but these names, which the theme's own then render.
    private JsonObject Without(IEnumerable<string> names)
    {
        var rest = (JsonObject)stored.DeepClone();
        foreach (var name in names)
        {
            rest.Remove(name);
        }

        return rest;
    }

    private async Task<TemplateFailedException?> FailureAsync(ThemeTemplates templates, string path, CancellationToken cancellationToken)
    {
        var request = new RequestInfo { Base = tenant.Settings.Prefix is { } prefix ? "/" + prefix : "", Origin = "http://localhost", Path = "/" + path, Prefix = tenant.Settings.Prefix };
        try
        {
            await new PageBuilder(tenant, site, templates, request, new QueryCollection()).BuildAsync(path, cancellationToken);
            return null;
        }
        catch (TemplateFailedException e)
        {
            return e;
        }
    }

    // One page of each kind, with the words the refusal names it by.
    private IEnumerable<(string Path, string Page)> Pages()
    {
        yield return ("", "the home page");
        yield return ("articles", "the article list");
        yield return ("series", "the series list");
        yield return ("counselors", "the counselor directory");
        yield return ("topics", "the topic list");
        if (site.Articles is [var article, ..])
        {
            yield return (article.Url.TrimStart('/'), $"the article “{article.Title}”");
        }

        if (site.Series is [var series, ..])
        {
            yield return (series.Url.TrimStart('/'), $"the series “{series.Title}”");
        }

        if (site.Counselors is [var counselor, ..])
        {
            yield return (counselor.Url.TrimStart('/'), $"the profile of {counselor.NameWithCredentials}");
        }

        if (site.Topics is [var topic, ..])
        {
            yield return (topic.Url.TrimStart('/'), $"the topic “{topic.Name}”");
        }

        if (site.Pages.FirstOrDefault(p => p.Url.Length > 1) is { } page)
        {
            yield return (page.Url.TrimStart('/'), $"the page “{page.Title}”");
        }

        yield return (NotFoundPath, "the page not found");
    }
}
