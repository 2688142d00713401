using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Content;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Practice.Site;

/// <summary>Builds a tenant's <see cref="PracticeSite"/> from its published Counselor, Series, Article and Page items.</summary>
internal static partial class PracticeSiteLoader
{
    public const string DefaultCrisisText =
        "If you are in crisis, call or text 988 (Suicide & Crisis Lifeline), chat at 988lifeline.org, or call 911 or go to the nearest emergency room.";

    public const string DefaultAccent = "#3f6b5c";

    // Ghost's reading time: 275 words a minute, plus 12 s for the first image, 11 s for the next, ... at least 3 s each.
    private const double WordsPerMinute = 275;

    private static readonly string[] s_types = ["Counselor", "Series", "Article", "Page"];

    /// <summary>The site model; with <paramref name="previewId"/>, that item's latest version (a draft) stands in for its published one.</summary>
    public static async Task<PracticeSite> LoadAsync(TenantRuntime tenant, CancellationToken cancellationToken, string? previewId = null)
    {
        await using var db = tenant.CreateDbContext();
        var published = db.ContentItems.AsNoTracking()
            .Where(c => previewId == null ? c.Published : (c.Published && c.ContentItemId != previewId) || (c.Latest && c.ContentItemId == previewId))
            .Where(c => s_types.Contains(c.ContentType));
        var others = await Rows(published.Where(c => c.ContentType != "Article")).ToListAsync(cancellationToken);
        var settings = (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.CustomSettings, cancellationToken))?["PracticeSettings"] as JsonObject;
        var practice = ReadPractice(settings, tenant.Site.SiteName);
        var vocabulary = tenant.Definitions.ContentPartDefinitionRecords.FirstOrDefault(p => p.Name == "Counselor")?
            .ContentPartFieldDefinitionRecords.FirstOrDefault(f => f.Name == "Specialties")?.Settings["MultiTextFieldSettings"]?["Options"] as JsonArray;

        // Articles are read one at a time: only their metadata stays, not their JSON (a practice with 100,000 held 1.7 GB).
        return await BuildAsync(
            practice, others, Rows(published.Where(c => c.ContentType == "Article")).AsAsyncEnumerable(),
            vocabulary?.Select(o => ItemReader.String(o?["Value"])).OfType<string>().ToList() ?? [], cancellationToken);
    }

    private static IQueryable<Row> Rows(IQueryable<ContentItemRecord> items) =>
        items.Select(c => new Row(c.ContentItemId, c.ContentType, c.Json, c.RoutePath, c.PublishedUtc, c.ModifiedUtc, c.ContentType == "Series" ? c.RenderedJson : null));

    /// <summary>
    /// The published (or, for a preview, the latest) version's rendered Markdown body, with the item's stored view
    /// count read in the same query: all a page reads from the database. Bodies are not kept in the site model.
    /// </summary>
    public static async Task<(string? Body, long StoredViews)> BodyAsync(TenantRuntime tenant, string contentItemId, CancellationToken cancellationToken, bool latest = false)
    {
        await using var db = tenant.CreateDbContext();
        var row = await tenant.State(static _ => new BodyQuery()).RunAsync(db, contentItemId, latest, cancellationToken);
        var body = row?.RenderedJson is { } rendered ? JsonSerializer.Deserialize<Dictionary<string, string>>(rendered)?.GetValueOrDefault(ContentNames.MarkdownBodyPart) : null;
        return (body, row?.Views ?? 0);
    }

    internal static PracticeInfo ReadPractice(JsonObject? settings, string siteName)
    {
        var part = new ItemReader(settings ?? [], "PracticeSettings");
        var zone = TimeZoneInfo.Utc;
        if (part.Text("TimeZone") is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found))
        {
            zone = found;
        }

        var booking = part.Link("BookingLink");
        var privacy = part.Link("PrivacyNoticeLink");
        return new PracticeInfo
        {
            Name = part.Text("PracticeName") ?? siteName,
            Tagline = part.Text("Tagline"),
            StreetAddress = part.Text("StreetAddress"),
            City = part.Text("City"),
            Region = part.Text("Region"),
            PostalCode = part.Text("PostalCode"),
            Phone = part.Text("Phone"),
            Email = part.Text("Email"),
            BookingUrl = booking.Url,
            BookingLabel = booking.Text ?? "Request an appointment",
            CrisisText = part.Text("CrisisText") ?? DefaultCrisisText,
            PrivacyUrl = privacy.Url,
            PrivacyLabel = privacy.Text ?? "Notice of Privacy Practices",
            Accent = Contrast.Readable(part.Text("AccentColor")) ?? DefaultAccent,
            TimeZone = zone,
        };
    }

    private static async Task<PracticeSite> BuildAsync(
        PracticeInfo practice, List<Row> rows, IAsyncEnumerable<Row> articleRows, List<string> vocabulary, CancellationToken cancellationToken)
    {
        var counselors = new Dictionary<string, CounselorModel>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Type == "Counselor"))
        {
            counselors[row.Id] = ReadCounselor(row);
        }

        var series = new Dictionary<string, SeriesModel>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Type == "Series"))
        {
            series[row.Id] = ReadSeries(row);
        }

        var topics = new Dictionary<string, TopicModel>(StringComparer.Ordinal);
        var articles = new List<ArticleModel>();
        await foreach (var row in articleRows.WithCancellation(cancellationToken))
        {
            var item = row.Parse();
            var part = new ItemReader(item, "Article");
            var markdown = Markdown(item);
            var article = new ArticleModel
            {
                Id = row.Id,
                Title = Title(item, row),
                Url = Url(row),
                Excerpt = part.Text("Excerpt") ?? Excerpt(markdown),
                Image = part.Image("FeatureImage"),
                Authors = part.Ids("Authors").Select(counselors.GetValueOrDefault).OfType<CounselorModel>().ToList(),
                Reviewer = part.Ids("Reviewer").Select(counselors.GetValueOrDefault).OfType<CounselorModel>().FirstOrDefault(),
                Part = part.Int("Part"),
                Topics = part.Values("Topics").Select(name => Topic(topics, name)).DistinctBy(t => t.Slug).ToList(),
                Published = Date(row.PublishedUtc ?? row.ModifiedUtc ?? DateTime.UnixEpoch, practice.TimeZone),
                Updated = part.Date("Updated") is { } updated && updated > (row.PublishedUtc ?? DateTime.MinValue) ? Date(updated, practice.TimeZone) : null,
                SensitiveTopic = part.Bool("SensitiveTopic"),
                SeoTitle = new ItemReader(item, "SeoMetaPart").Raw("PageTitle"),
                MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription"),
                WordCount = Words(markdown),
                ReadingMinutes = ReadingMinutes(markdown),
            };
            if (part.Ids("Series") is [var seriesId, ..] && series.TryGetValue(seriesId, out var inSeries))
            {
                article.Series = inSeries;
                inSeries.Parts.Add(article);
            }

            articles.Add(article);
        }

        articles.Sort((a, b) => b.Published.Utc.CompareTo(a.Published.Utc));
        foreach (var article in articles)
        {
            foreach (var author in article.Authors)
            {
                author.Articles.Add(article);
            }

            foreach (var topic in article.Topics)
            {
                topic.Articles.Add(article);
            }
        }

        foreach (var s in series.Values)
        {
            s.Parts.Sort((a, b) => (a.Part ?? int.MaxValue, a.Published.Utc).CompareTo((b.Part ?? int.MaxValue, b.Published.Utc)));
        }

        var pages = rows.Where(r => r.Type == "Page").Select(row =>
        {
            var item = row.Parse();
            return new PageModel
            {
                Id = row.Id,
                Title = Title(item, row),
                Url = Url(row),
                IsHome = item["AutoroutePart"]?["SetHomepage"] is JsonValue v && v.TryGetValue<bool>(out var home) && home,
                Modified = row.ModifiedUtc is { } m ? Date(m, practice.TimeZone) : null,
                MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription"),
            };
        }).ToList();

        var routes = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var (url, model) in counselors.Values.Select(c => (c.Url, (object)c))
            .Concat(series.Values.Select(s => (s.Url, (object)s)))
            .Concat(articles.Select(a => (a.Url, (object)a)))
            .Concat(pages.Select(p => (p.Url, (object)p))))
        {
            routes.TryAdd(url.Trim('/'), model);
        }

        var orderedCounselors = counselors.Values.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var used = orderedCounselors.SelectMany(c => c.Specialties).ToHashSet(StringComparer.Ordinal);
        return new PracticeSite
        {
            Practice = practice,
            Counselors = orderedCounselors,
            Articles = articles,
            Series = series.Values.OrderByDescending(s => s.Parts.Count == 0 ? DateTimeOffset.MinValue : s.Parts.Max(p => p.Published.Utc)).ToList(),
            Topics = topics.Values.Where(t => t.Count > 0).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList(),
            Pages = pages,
            // Orchard: the last page published with "set as home page" is the home page.
            HomePage = pages.Where(p => p.IsHome).OrderByDescending(p => p.Modified?.Utc).FirstOrDefault(),
            Routes = routes,
            Specialties = vocabulary.Where(used.Contains).Concat(used.Where(s => !vocabulary.Contains(s)).Order(StringComparer.CurrentCulture)).ToList(),
        };
    }

    private static CounselorModel ReadCounselor(Row row)
    {
        var item = row.Parse();
        var part = new ItemReader(item, "Counselor");
        var booking = part.Link("BookingLink");
        var memberships = (item["Memberships"]?["ContentItems"] as JsonArray ?? [])
            .Select(m => m is JsonObject o ? new ItemReader(o, "Membership").Link("Organization") : default)
            .Where(l => l.Text is not null || l.Url is not null)
            .Select(l => new LinkModel { Name = l.Text ?? l.Url!, Url = l.Url })
            .ToList();
        return new CounselorModel
        {
            Id = row.Id,
            Name = Title(item, row),
            Url = Url(row),
            ProfessionalTitle = part.Text("ProfessionalTitle"),
            CredentialSuffix = part.Text("CredentialSuffix"),
            Pronouns = part.Text("Pronouns"),
            Photo = part.Image("Photo"),
            ShortBio = part.Text("ShortBio"),
            Specialties = part.Values("Specialties"),
            Approaches = part.Values("Approaches"),
            ClientFocus = part.Values("ClientFocus"),
            Languages = part.Values("Languages"),
            LicenseType = part.Text("LicenseType"),
            LicenseNumber = part.Text("LicenseNumber"),
            LicenseState = part.Text("LicenseState"),
            LicenseStatus = part.Text("LicenseStatus") ?? "licensed",
            Supervisor = part.Text("Supervisor"),
            Memberships = memberships,
            NewClientStatus = part.Text("NewClientStatus") ?? "accepting",
            InPerson = part.Bool("InPerson", true),
            Telehealth = part.Bool("Telehealth"),
            Locations = (part.Text("Locations") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Fees = part.Text("Fees"),
            Insurance = part.Text("Insurance"),
            BookingUrl = booking.Url,
            BookingLabel = booking.Text ?? "Book a consultation",
            Email = part.Text("Email"),
            SortOrder = part.Int("SortOrder") ?? 0,
            MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription") ?? part.Text("ShortBio"),
        };
    }

    private static SeriesModel ReadSeries(Row row)
    {
        var item = row.Parse();
        var part = new ItemReader(item, "Series");
        var rendered = row.Rendered is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Rendered);
        return new SeriesModel
        {
            Id = row.Id,
            Title = Title(item, row),
            Url = Url(row),
            Image = part.Image("CoverImage"),
            Status = part.Text("Status") ?? "ongoing",
            PlannedParts = part.Int("PlannedParts"),
            DescriptionHtml = rendered?.GetValueOrDefault(ContentNames.MarkdownBodyPart),
            MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription") ?? Excerpt(Markdown(item)),
        };
    }

    private static TopicModel Topic(Dictionary<string, TopicModel> topics, string name)
    {
        var slug = LiquidPatterns.Slugify(name);
        if (!topics.TryGetValue(slug, out var topic))
        {
            topic = new TopicModel { Name = name, Slug = slug };
            topics[slug] = topic;
        }

        return topic;
    }

    internal static DateModel Date(DateTimeOffset utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        return new DateModel
        {
            Utc = utc,
            Display = local.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
            Iso = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        };
    }

    private static DateModel Date(DateTime utc, TimeZoneInfo zone) => Date(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    private static string Title(JsonObject item, Row row) =>
        ItemReader.String(item["TitlePart"]?["Title"]) ?? ItemReader.String(item["DisplayText"]) ?? row.Id;

    private static string Url(Row row) => "/" + (row.Route ?? row.Id);

    private static string Markdown(JsonObject item) => ItemReader.String(item["MarkdownBodyPart"]?["Markdown"]) ?? "";

    internal static int Words(string markdown) => WordPattern().Count(LinkTarget().Replace(markdown, ""));

    internal static int ReadingMinutes(string markdown)
    {
        var seconds = Words(markdown) / WordsPerMinute * 60;
        var images = ImagePattern().Count(markdown);
        for (var i = 0; i < images; i++)
        {
            seconds += Math.Max(3, 12 - i);
        }

        return Math.Max(1, (int)Math.Ceiling(seconds / 60));
    }

    // The first words of the body when an article has no excerpt: about 50 words, at most 300 characters.
    internal static string? Excerpt(string markdown)
    {
        var text = MarkdownSyntax().Replace(LinkTarget().Replace(markdown, ""), " ");
        var words = WordRun().Matches(text).Select(m => m.Value).Take(50).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var excerpt = string.Join(' ', words);
        if (excerpt.Length > 300)
        {
            excerpt = excerpt[..excerpt.LastIndexOf(' ', 300)];
        }

        return words.Count == 50 || excerpt.Length < string.Join(' ', words).Length ? excerpt + "…" : excerpt;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"!\[")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"[#*_>`\[\]|~]+")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordRun();

    private sealed record Row(string Id, string Type, string Json, string? Route, DateTime? PublishedUtc, DateTime? ModifiedUtc, string? Rendered)
    {
        public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();
    }
}
