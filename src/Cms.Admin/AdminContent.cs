using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Cms.Admin.Editors;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin;

/// <summary>
/// The admin's access to the current practice's content: a content manager over its database, permission checks
/// that know about "own" content. A change is raised by the writes themselves (see TenantChanges), not here.
/// </summary>
public sealed class AdminContent
{

    private readonly ContentServices _content;
    private readonly ScheduledPublishing _schedules;
    private readonly TimeProvider _time;

    internal AdminContent(ContentServices content, ScheduledPublishing schedules, TimeProvider time)
    {
        _content = content;
        _schedules = schedules;
        _time = time;
    }

    /// <summary>The time now, from the host's clock (a test sets it).</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A unit of work over the tenant's database; dispose it when done.</summary>
    public Session Open(HttpContext context)
    {
        var tenant = context.GetTenant();
        var db = tenant.CreateDbContext();
        return new Session(tenant, db, _content.Open(db, tenant.Definitions, tenant.Features), _schedules);
    }

    /// <summary>Whether the user may do this to the item: the broad permission, or the "own" one when they own it.</summary>
    public static async Task<bool> MayAsync(HttpContext context, string ownPermission, ContentItem? item)
    {
        var roles = await TenantRoles.OfAsync(context);
        var broad = Permissions.BroaderOf(ownPermission) ?? ownPermission;
        if (roles.Grants(context.User, broad))
        {
            return true;
        }

        var owner = item?.Owner;
        return roles.Grants(context.User, ownPermission) && (item is null || (owner is not null && owner == context.User.Identity?.Name));
    }

    public static async Task<bool> HasAsync(HttpContext context, string permission) =>
        (await TenantRoles.OfAsync(context)).Grants(context.User, permission);

    /// <summary>Whose drafts a picker may offer this user: everyone's (null) when they may view or edit all content, else their own.</summary>
    public static async Task<string?> DraftOwnerAsync(HttpContext context)
    {
        var roles = await TenantRoles.OfAsync(context);
        return roles.Grants(context.User, Permissions.ViewContent) || roles.Grants(context.User, Permissions.EditContent) ? null : UserName(context.User);
    }

    /// <summary>Stores a changed copy of the practice's content definitions; editors and the site follow at once (the save raises the change).</summary>
    public static async Task SaveDefinitionsAsync(HttpContext context, ContentDefinitions definitions)
    {
        await using (var db = context.GetTenant().CreateDbContext())
        {
            await TenantDocuments.SetAsync(db, ContentDefinitions.DocumentKey, definitions, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(), context.RequestAborted);
        }
    }

    public static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    public sealed class Session : IAsyncDisposable
    {
        /// <summary>Lists count their items up to this many and then say "more than".</summary>
        public const int CountBound = 1000;

        private readonly ScheduledPublishing _schedules;

        internal Session(TenantRuntime tenant, TenantDbContext db, ContentManager manager, ScheduledPublishing schedules)
        {
            Tenant = tenant;
            Db = db;
            Manager = manager;
            _schedules = schedules;
        }

        public TenantRuntime Tenant { get; }

        public ContentManager Manager { get; }

        /// <summary>The tenant's data the manager works on: a module's own queries, and a transaction around several writes.</summary>
        public TenantDbContext Db { get; }

        public ValueTask DisposeAsync() => Db.DisposeAsync();

        /// <summary>
        /// One page of current items, newest change first (a search: best match first, see <see cref="SearchRank"/>): latest
        /// versions, except that a user who may see only their own drafts (<paramref name="draftOwner"/>, from
        /// <see cref="DraftOwnerAsync"/>; null for everyone's) sees other people's items as published, and not at all while
        /// they have never been published.
        /// </summary>
        public async Task<(IReadOnlyList<ContentRow> Rows, int Total)> ListAsync(ContentFilter filter, string? draftOwner, CancellationToken cancellationToken)
        {
            // A search narrows the rows in the database itself, so filters, order and paging apply to every match.
            TextMatches? matches = null;
            if (!string.IsNullOrWhiteSpace(filter.Search))
            {
                matches = await Manager.MatchAsync(filter.Search, cancellationToken);
                if (matches is null or { None: true })
                {
                    return ([], 0);
                }
            }

            var skip = (filter.Page - 1) * filter.PageSize;

            // Counted up to a bound: "1,000+" tells a person as much as an exact count, without counting 100,000 matches.
            // A search's count reads the matches' titles and times with it, and when they are within the bound they are
            // ranked here (SearchRank), so the page reads the matches once. Past the bound (a word in most items) the
            // items titled exactly as searched come first, then the newest: a page costs what an unranked one does.
            var ranked = matches is not null && string.IsNullOrEmpty(filter.Sort);
            List<string>? rankedPage = null;
            int total;
            if (ranked)
            {
                var candidates = await Filtered(matches!.Versions, filter, draftOwner).Take(CountBound + 1)
                    .Select(c => new SearchRank.Candidate(c.ContentItemId, c.DisplayText, c.ModifiedUtc)).ToListAsync(cancellationToken);
                total = candidates.Count;
                rankedPage = total <= CountBound ? SearchRank.Order(candidates, filter.Search!).Skip(skip).Take(filter.PageSize).ToList() : null;
            }
            else
            {
                total = await Filtered(matches?.Versions, filter, draftOwner).Take(CountBound + 1).CountAsync(cancellationToken);
            }

            var titled = ranked && rankedPage is null
                ? await Filtered(null, filter, draftOwner).Where(SearchRank.IsTitled(filter.Search!))
                    .OrderByDescending(c => c.ModifiedUtc).Select(c => c.ContentItemId).Take(CountBound).ToListAsync(cancellationToken)
                : [];
            var first = rankedPage ?? titled.Skip(skip).Take(filter.PageSize).ToList();
            var (restSkip, restTake) = rankedPage is null ? (Math.Max(0, skip - titled.Count), filter.PageSize - first.Count) : (0, 0);

            // The newest-first walk reads latest versions only; someone limited to their own drafts also reads published ones.
            var newestFirst = filter.Sort is not ("title" or "type");
            var query = Filtered(newestFirst && draftOwner is null ? matches?.NewestFirst(restSkip + restTake) : matches?.Versions, filter, draftOwner);
            query = filter.Sort switch
            {
                "title" => query.OrderBy(c => c.DisplayText),
                "type" => query.OrderBy(c => c.ContentType).ThenByDescending(c => c.ModifiedUtc),
                _ when titled.Count > 0 => query.Where(c => !titled.Contains(c.ContentItemId)).OrderByDescending(c => c.ModifiedUtc),
                _ => query.OrderByDescending(c => c.ModifiedUtc),
            };

            // The person an item is by: its owner (who made it here), else its author (a recipe's items name only that).
            var rows = first.Count == 0 ? [] : (await Rows(Filtered(null, filter, draftOwner).Where(c => first.Contains(c.ContentItemId))).ToListAsync(cancellationToken))
                .OrderBy(r => first.IndexOf(r.Id)).ToList();
            if (restTake > 0)
            {
                rows.AddRange(await Rows(query.Skip(restSkip).Take(restTake)).ToListAsync(cancellationToken));
            }

            var drafts = rows.Where(r => !r.Published).Select(r => r.Id).ToList();
            var withDrafts = await PublishedBehindDraftAsync(drafts, cancellationToken);
            var scheduled = await _schedules.FindAsync(Tenant.Name, drafts, cancellationToken);
            return (rows.ConvertAll(r => r with
            {
                HasPublishedVersion = withDrafts.Contains(r.Id),
                Schedule = scheduled.TryGetValue(r.Id, out var due) ? FieldTime.Scheduled(due, Tenant.Site.Zone) : null,
            }), total);
        }

        private static IQueryable<ContentRow> Rows(IQueryable<ContentItemRecord> versions) =>
            versions.Select(c => new ContentRow(c.ContentItemId, c.ContentType, c.DisplayText, c.Published, c.Owner ?? c.Author, c.ModifiedUtc));

        /// <summary>Current versions of listable types that pass the list's filters, out of the given versions (all when null).</summary>
        private IQueryable<ContentItemRecord> Filtered(IQueryable<ContentItemRecord>? versions, ContentFilter filter, string? draftOwner)
        {
            var query = (versions ?? Db.ContentItems).AsNoTracking();
            query = draftOwner is null
                ? query.Where(c => c.Latest)
                : query.Where(c => (c.Latest && c.Owner == draftOwner) || (c.Published && c.Owner != draftOwner));
            var hidden = HiddenTypes();
            query = query.Where(c => !hidden.Contains(c.ContentType));
            if (!string.IsNullOrEmpty(filter.Type))
            {
                query = query.Where(c => c.ContentType == filter.Type);
            }

            if (!string.IsNullOrEmpty(filter.Owner))
            {
                query = query.Where(c => c.Owner == filter.Owner || (c.Owner == null && c.Author == filter.Owner));
            }

            return filter.Status switch
            {
                "draft" => query.Where(c => !c.Published),
                "published" => query.Where(c => c.Published),
                _ => query,
            };
        }

        /// <summary>Of these items whose latest version is a draft, those that also have a published version.</summary>
        private async Task<HashSet<string>> PublishedBehindDraftAsync(List<string> ids, CancellationToken cancellationToken) =>
            ids.Count == 0
                ? []
                : (await Db.ContentItems.AsNoTracking().Where(c => c.Published && ids.Contains(c.ContentItemId)).Select(c => c.ContentItemId).ToListAsync(cancellationToken)).ToHashSet();

        /// <summary>
        /// What a picker offers, by title: items of the given types (any type a picker may offer when none) whose title has a
        /// word starting with each word searched ("dan whit" finds "Dana Whitfield"). Titles, not bodies: a
        /// person picks an item by its name.
        /// </summary>
        public async Task<IReadOnlyList<ContentChoice>> ChoicesAsync(ChoiceQuery choice, CancellationToken cancellationToken)
        {
            IQueryable<ContentItemRecord> query = Db.ContentItems.AsNoTracking();
            query = choice.DraftOwner is { } owner
                ? query.Where(c => c.Published || (c.Latest && c.Owner == owner))
                : query.Where(c => c.Latest || c.Published);
            var pickable = PickableTypes();
            var types = choice.Types.Count > 0 ? choice.Types.Where(pickable.Contains).ToList() : [.. pickable];
            query = query.Where(c => types.Contains(c.ContentType));

            // Matched here rather than in SQL: SQLite's lower() knows ASCII only, so "elo" would not find "Élodie". The
            // rows come in title order, so the first matches are the answer; a rare word reads all items of the types.
            var words = SearchRank.Words().Matches(choice.Search ?? "").Select(m => m.Value).ToList();
            var rows = new List<ChoiceRow>();
            var titled = query.OrderBy(c => c.DisplayText).ThenBy(c => c.ContentItemId)
                .Select(c => new ChoiceRow(c.ContentItemId, c.DisplayText, c.ContentType, c.Latest, c.Published));
            await foreach (var row in titled.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (!TitleMatches(row.Title, words))
                {
                    continue;
                }

                // An item can match twice (its published version and a newer draft): read twice the bound, keep one row per item.
                rows.Add(row);
                if (rows.Count == choice.Take * 2)
                {
                    break;
                }
            }

            return Merge(rows).Take(choice.Take).ToList();
        }

        /// <summary>The items a field holds, in its order, as a picker shows them (whoever may see them: they are in the item already).</summary>
        public async Task<IReadOnlyList<ContentChoice>> ChosenAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            var rows = await Db.ContentItems.AsNoTracking().Where(c => (c.Latest || c.Published) && ids.Contains(c.ContentItemId))
                .Select(c => new ChoiceRow(c.ContentItemId, c.DisplayText, c.ContentType, c.Latest, c.Published))
                .ToListAsync(cancellationToken);
            var found = Merge(rows).ToDictionary(c => c.Id, StringComparer.Ordinal);
            return ids.Select(id => found.GetValueOrDefault(id) ?? new ContentChoice(id, id, "", ContentChoice.Missing)).ToList();
        }

        /// <summary>Whether every word searched starts a word of the title, ignoring case and accents ("elo" finds "Élodie").</summary>
        private static bool TitleMatches(string? title, List<string> words)
        {
            if (words.Count == 0)
            {
                return true;
            }

            var titleWords = SearchRank.Words().Matches(title ?? "").Select(m => m.Value).ToList();
            return words.All(w => titleWords.Any(t => CultureInfo.InvariantCulture.CompareInfo.IsPrefix(t, w, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace)));
        }

        // One choice per item: the latest version's title; published when any version is on the site.
        private static IEnumerable<ContentChoice> Merge(List<ChoiceRow> rows) =>
            rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g =>
            {
                var shown = g.FirstOrDefault(r => r.Latest) ?? g.First();
                return new ContentChoice(g.Key, shown.Title ?? g.Key, shown.Type, g.Any(r => r.Published) ? ContentChoice.Published : ContentChoice.Draft);
            });

        // What a picker may offer: the types the content list shows, and any a picker field of the practice names
        // (not, say, a settings type nobody picks).
        private HashSet<string> PickableTypes()
        {
            var definitions = Tenant.Definitions;
            var named = definitions.ContentPartDefinitionRecords.SelectMany(p => p.FieldsInOrder)
                .Where(f => f.FieldName == ContentNames.ContentPickerField)
                .SelectMany(f => SettingsReader.Texts(f.Settings, "ContentPickerFieldSettings", "DisplayedContentTypes"));
            return definitions.ContentTypeDefinitionRecords.Where(t => t.IsListed).Select(t => t.Name)
                .Concat(named).ToHashSet(StringComparer.Ordinal);
        }

        private List<string> HiddenTypes() =>
            Tenant.Definitions.ContentTypeDefinitionRecords.Where(t => !t.IsListed).Select(t => t.Name).ToList();

        private sealed record ChoiceRow(string Id, string? Title, string Type, bool Latest, bool Published);

        /// <summary>Most read published items, for the dashboard.</summary>
        public async Task<IReadOnlyList<(string Id, string? Title, long Views)>> MostViewedAsync(int take, CancellationToken cancellationToken) =>
            (await Db.ViewCounts.AsNoTracking().OrderByDescending(v => v.Views).Take(take)
                .Join(Db.ContentItems.Where(c => c.Published), v => v.ContentItemId, c => c.ContentItemId, (v, c) => new { v.ContentItemId, c.DisplayText, v.Views })
                .ToListAsync(cancellationToken))
            .ConvertAll(v => (v.ContentItemId, v.DisplayText, v.Views));
    }
}

public sealed record ContentFilter(string? Type, string? Status, string? Owner, string? Search, string? Sort, int Page, int PageSize = 25);

/// <param name="Owner">Who the item is by: its owner, else its author; null when it names neither.</param>
public sealed record ContentRow(string Id, string Type, string? Title, bool Published, string? Owner, DateTime? ModifiedUtc)
{
    /// <summary>A draft whose item also has a published version ("Published, with unpublished changes").</summary>
    public bool HasPublishedVersion { get; init; }

    /// <summary>"Scheduled for …" in the practice's time zone, for a draft that is to be published at a set time.</summary>
    public string? Schedule { get; init; }

    public string Status => Schedule ?? (Published ? "Published" : HasPublishedVersion ? "Published, with unpublished changes" : "Draft");

    /// <summary>Type, status and person as a list entry shows them, leaving out what the item does not have.</summary>
    public string Summary => string.Join(" · ", new[] { Type, Status, Owner }.Where(part => !string.IsNullOrEmpty(part)));
}
