using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>
/// The demo practice's public pages as a visitor, a crawler and a feed reader get them. Expected values come
/// from recipes/practice-sample.recipe.json (<see cref="Sample"/>), never from what the pages print.
/// </summary>
public sealed partial class PublicPageTests : IClassFixture<CmsFactory>
{
    private const string Origin = "http://localhost";
    private const string Grief = PublicSite.Base + "/articles/grief-doesnt-follow-a-schedule";

    private readonly CmsFactory _factory;

    public PublicPageTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnArticleShowsItsTitleBylineDatesReadingTimeAndBody()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1);

        Assert.Equal(Sample.Parts[0], Text(page.QuerySelector("main h1")));
        var author = Assert.Single(page.QuerySelectorAll(".byline a[rel=author]"));
        Assert.Equal(Sample.DanaWithCredentials, Text(author));
        Assert.Equal(PublicSite.Dana, author.GetAttribute("href"));
        var published = page.QuerySelector(".byline time.published");
        Assert.NotNull(published);
        Assert.Equal(Sample.Part1Published, DateTimeOffset.Parse(published.GetAttribute("datetime")!, CultureInfo.InvariantCulture));
        Assert.Equal("Updated: Jul 20, 2020", Text(page.QuerySelector(".byline .updated")));
        var minutes = ReadingTime().Match(Text(page.QuerySelector(".byline .reading-time")));
        Assert.True(minutes.Success && int.Parse(minutes.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, $"reading time: '{minutes.Value}'");
        Assert.Contains(Sample.Part1Heading, page.QuerySelectorAll(".prose h2").Select(Text));
    }

    [Fact]
    public async Task APartOfASeriesShowsItsPlaceAndTheSeriesContentsInOrder()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1);

        Assert.StartsWith("Part 1 of 3", Text(page.QuerySelector(".series-box summary")), StringComparison.Ordinal);
        var parts = page.QuerySelectorAll(".series-toc li").ToList();
        Assert.Equal(Sample.Parts, parts.Select(Text));
        Assert.Empty(parts[0].QuerySelectorAll("a"));
        Assert.Equal("page", parts[0].QuerySelector("[aria-current]")?.GetAttribute("aria-current"));
        Assert.Equal(Sample.PartPaths[1..], parts[1..].Select(li => li.QuerySelector("a")?.GetAttribute("href")));
        Assert.All(parts[1..], li => Assert.Empty(li.QuerySelectorAll("[aria-current]")));
    }

    [Theory]
    [InlineData(PublicSite.Article1, null, PublicSite.Article2)]
    [InlineData(PublicSite.Article2, PublicSite.Article1, PublicSite.Base + "/articles/what-you-should-know-about-therapy-part-3")]
    public async Task APartLinksToThePreviousAndNextParts(string part, string? previous, string next)
    {
        var page = await PublicSite.PageAsync(_factory.Client(), part);

        Assert.Equal(previous, page.QuerySelector(".series-nav a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(next, page.QuerySelector(".series-nav a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task TheAuthorBoxIntroducesTheAuthorAndHowToReachThem()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1);
        var box = page.QuerySelector("aside.author-box");
        Assert.NotNull(box);

        Assert.False(string.IsNullOrWhiteSpace(box.QuerySelector("img")?.GetAttribute("alt")), "the author's photo has no alt text");
        Assert.Equal(Sample.DanaSpecialties, box.QuerySelectorAll("ul.chips li").Select(Text));
        Assert.Equal(Sample.DanaMemberships, box.QuerySelectorAll(".memberships a").Select(a => (Text(a), a.GetAttribute("href"))));
        Assert.Equal("Currently accepting new clients", Text(box.QuerySelector(".badge")));
        Assert.Contains(Sample.DanaBooking, box.QuerySelectorAll(".cta a").Select(a => a.GetAttribute("href")));
        var email = box.QuerySelector(".cta a[href^='mailto:']");
        Assert.Equal(("Email Dana", "mailto:" + Sample.DanaEmail), (Text(email), email?.GetAttribute("href")));
    }

    [Fact]
    public async Task AnArticleCountsEachReaderOnceAndSaysHowManyViews()
    {
        // Only this test reads this article with a browser's User-Agent; requests without one count as automated.
        var automated = await PublicSite.PageAsync(_factory.Client(), Grief);
        var first = await PublicSite.PageAsync(Reader("A"), Grief);
        var again = await PublicSite.PageAsync(Reader("A"), Grief);
        var second = await PublicSite.PageAsync(Reader("B"), Grief);

        Assert.Equal(
            ["0 views", "1 view", "1 view", "2 views"],
            new[] { automated, first, again, second }.Select(p => Text(p.QuerySelector(".view-count"))));
    }

    [Fact]
    public async Task AnArticleEndsWithTheThreeMostRecentOtherPostsAndALinkToAll()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1);
        var recent = page.QuerySelector("section.recent");
        Assert.NotNull(recent);

        Assert.Equal("Recent posts", Text(recent.QuerySelector("h2")));
        Assert.Equal(Sample.TitlesNewestFirst.Where(t => t != Sample.Parts[0]).Take(3), recent.QuerySelectorAll("li.article-card h3").Select(Text));
        var seeAll = recent.QuerySelector("a.see-all");
        Assert.StartsWith("See all", Text(seeAll), StringComparison.Ordinal);
        Assert.Equal(PublicSite.Base + "/articles", seeAll?.GetAttribute("href"));
    }

    [Theory]
    [InlineData(PublicSite.Article1)]
    [InlineData(PublicSite.Base + "/")]
    [InlineData(PublicSite.Base + "/articles")]
    [InlineData(PublicSite.Series)]
    [InlineData(PublicSite.Base + "/counselors")]
    [InlineData(PublicSite.Dana)]
    public async Task APageHasLandmarksOneHeadingASkipLinkAltTextAndTheCrisisLine(string path)
    {
        var page = await PublicSite.PageAsync(_factory.Client(), path);

        Assert.Equal("#main", page.Body?.FirstElementChild?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("body > header"));
        Assert.Contains(page.QuerySelectorAll("header nav[aria-label]"), n => n.GetAttribute("aria-label")!.Length > 0);
        Assert.Single(page.QuerySelectorAll("main#main"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.NotNull(page.QuerySelector("body > footer a[href='tel:988']"));
        var images = page.QuerySelectorAll("img").ToList();
        Assert.NotEmpty(images);
        Assert.All(images, img => Assert.True(img.HasAttribute("alt"), $"{img.OuterHtml} has no alt attribute"));
    }

    [Fact]
    public async Task AnArticleHasItsOwnAbsoluteCanonicalUrlAndOpenGraphTags()
    {
        var client = _factory.Client();
        var page = await PublicSite.PageAsync(client, PublicSite.Article1);

        Assert.Equal(Origin + PublicSite.Article1, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(Sample.Parts[0], Meta(page, "og:title"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(Origin + PublicSite.Article1, Meta(page, "og:url"));
        var image = Meta(page, "og:image");
        Assert.StartsWith(Origin + PublicSite.Base + "/media/", image, StringComparison.Ordinal);
        using var picture = await client.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
    }

    [Fact]
    public async Task AnArticleDescribesItselfAsABlogPostingByItsAuthorInItsSeries()
    {
        var graph = PublicSite.JsonLd(await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1));

        var post = graph["BlogPosting"];
        var author = post.GetProperty("author")[0];
        Assert.Equal(Sample.Dana, author.GetProperty("name").GetString());
        Assert.Equal(Origin + PublicSite.Dana, author.GetProperty("url").GetString());
        var series = post.GetProperty("isPartOf");
        Assert.Equal(("CreativeWorkSeries", Sample.SeriesTitle), (series.GetProperty("@type").GetString(), series.GetProperty("name").GetString()));
        Assert.Equal(1, post.GetProperty("position").GetInt32());
        Assert.Equal(Sample.Practice, graph["MedicalBusiness"].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData(PublicSite.Article1)]
    [InlineData(PublicSite.Base + "/")]
    [InlineData(PublicSite.Dana)]
    [InlineData(PublicSite.Base + "/counselors")]
    public async Task APageRunsNoScriptButItsStructuredDataAndSendsAContentSecurityPolicy(string path)
    {
        using var response = await _factory.Client().GetAsync(path);
        var page = await PublicSite.PageAsync(_factory.Client(), path);

        Assert.Empty(page.QuerySelectorAll("script[src]"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policy), $"GET {path} has no Content-Security-Policy");
        Assert.Contains("script-src 'self'", Assert.Single(policy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnArticleOnASensitiveTopicShowsTheCrisisBox()
    {
        var sensitive = await PublicSite.PageAsync(_factory.Client(), PublicSite.SensitiveArticle);
        var ordinary = await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1);

        Assert.NotNull(sensitive.QuerySelector("main aside.crisis-box a[href='tel:988']"));
        Assert.Null(ordinary.QuerySelector("aside.crisis-box"));
    }

    [Fact]
    public async Task ASeriesPageListsItsPartsInOrderWithStructuredDataAndAFeed()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Series);

        Assert.Equal(Sample.SeriesTitle, Text(page.QuerySelector("main h1")));
        var links = page.QuerySelectorAll("ol.series-parts li > a").ToList();
        Assert.Equal(Sample.Parts.Select((title, i) => $"Part {i + 1} {title}"), links.Select(Text));
        Assert.Equal(Sample.PartPaths, links.Select(a => a.GetAttribute("href")));
        var series = PublicSite.JsonLd(page)["CreativeWorkSeries"];
        Assert.Equal(Sample.SeriesTitle, series.GetProperty("name").GetString());
        Assert.Equal(
            Sample.Parts.Select((title, i) => (title, i + 1)),
            series.GetProperty("hasPart").EnumerateArray().Select(p => (p.GetProperty("headline").GetString()!, p.GetProperty("position").GetInt32())));
        var feed = PublicSite.Series + "/feed.xml";
        Assert.NotNull(page.QuerySelector($"head link[rel=alternate][type='application/rss+xml'][href='{feed}']"));
        Assert.NotNull(page.QuerySelector($"main a[href='{feed}']"));
    }

    [Fact]
    public async Task TheSeriesIndexListsTheSeries()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/series");

        var series = Assert.Single(page.QuerySelectorAll("main .card-title a"));
        Assert.Equal((Sample.SeriesTitle, PublicSite.Series), (Text(series), series.GetAttribute("href")));
    }

    [Fact]
    public async Task TheDirectoryShowsEveryCounselorAsACardWithPhotoCredentialsAndAvailability()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/counselors");

        var cards = page.QuerySelectorAll("li.counselor-card").Select(card => (
            Name: Text(card.QuerySelector(".card-title")),
            Title: Text(card.QuerySelector("p.meta")).Split(" · ")[0],
            Badge: Text(card.QuerySelector(".badge")),
            Alt: card.QuerySelector("img.portrait")?.GetAttribute("alt") ?? "")).ToList();
        Assert.Equal(
            [(Sample.DanaWithCredentials, "Mental Health Counselor", "Currently accepting new clients"), ("Marcus Bell, LMFT", "Marriage and Family Therapist", "Waitlist for new clients")],
            cards.Select(c => (c.Name, c.Title, c.Badge)));
        Assert.All(cards, c => Assert.StartsWith("Illustrated portrait of ", c.Alt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDirectoryFiltersBySpecialtyAndKeepsTheChoiceChecked()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/counselors?specialty=Grief%20and%20loss");

        Assert.Equal([Sample.DanaWithCredentials], page.QuerySelectorAll("li.counselor-card .card-title").Select(Text));
        var boxes = page.QuerySelectorAll("form input[type=checkbox][name=specialty]").ToList();
        Assert.Contains(boxes, b => b.GetAttribute("value") == "Anxiety");
        Assert.Equal(["Grief and loss"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")));
    }

    [Fact]
    public async Task TheDirectoryFiltersByNewClientStatus()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/counselors?status=waitlist");

        Assert.Equal(["Marcus Bell, LMFT"], page.QuerySelectorAll("li.counselor-card .card-title").Select(Text));
        Assert.Equal("waitlist", page.QuerySelector("select[name=status] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task TheDirectorySaysSoWhenNoCounselorMatches()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/counselors?specialty=Grief%20and%20loss&status=waitlist");

        Assert.Empty(page.QuerySelectorAll("li.counselor-card"));
        Assert.StartsWith("No counselor matches", Text(page.QuerySelector("main .empty")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProfileShowsCredentialsLicenseSpecialtiesApproachesMembershipsAndHowToBook()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Dana);

        Assert.Equal(Sample.DanaWithCredentials, Text(page.QuerySelector("main h1")));
        Assert.StartsWith("Mental Health Counselor", Text(page.QuerySelector(".profile-header .lead")), StringComparison.Ordinal);
        var license = Text(page.QuerySelector(".license"));
        Assert.Contains("000142", license, StringComparison.Ordinal);
        Assert.Contains("New York", license, StringComparison.Ordinal);
        Assert.Equal(Sample.DanaSpecialties, page.QuerySelectorAll(".profile-facts ul.chips li").Select(Text));
        Assert.Equal(Sample.DanaApproaches, Section(page, "Approaches").QuerySelectorAll("li").Select(Text));
        Assert.Equal(Sample.DanaMemberships, page.QuerySelectorAll(".profile-facts .memberships a").Select(a => (Text(a), a.GetAttribute("href"))));
        Assert.Equal("Currently accepting new clients", Text(page.QuerySelector(".profile-header .badge")));
        Assert.Equal(Sample.DanaBooking, page.QuerySelector(".profile-header .cta a.button")?.GetAttribute("href"));
        var email = page.QuerySelector(".profile-header .cta a[href^='mailto:']");
        Assert.Equal(("Email Dana", "mailto:" + Sample.DanaEmail), (Text(email), email?.GetAttribute("href")));
    }

    [Fact]
    public async Task AProfileDescribesThePersonInStructuredDataAndOpenGraph()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Dana);
        var graph = PublicSite.JsonLd(page);

        var person = graph["ProfilePage"].GetProperty("mainEntity");
        Assert.Equal(("Person", Sample.Dana), (person.GetProperty("@type").GetString(), person.GetProperty("name").GetString()));
        Assert.Equal("Mental Health Counselor", person.GetProperty("jobTitle").GetString());
        Assert.Equal(Sample.DanaMemberships.Select(m => m.Name), person.GetProperty("memberOf").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.Equal(Sample.DanaSpecialties.Concat(Sample.DanaApproaches), person.GetProperty("knowsAbout").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(graph["MedicalBusiness"].GetProperty("@id").GetString(), person.GetProperty("worksFor").GetProperty("@id").GetString());
        Assert.Equal("profile", Meta(page, "og:type"));
    }

    [Fact]
    public async Task AProfileListsTheCounselorsOwnArticles()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Dana);
        var section = page.QuerySelector("section[aria-labelledby=by-title]");
        Assert.NotNull(section);

        Assert.Equal("Articles by Dana", Text(section.QuerySelector("h2")));
        var titles = section.QuerySelectorAll("li.article-card h3").Select(Text).ToList();
        Assert.NotEmpty(titles);
        Assert.Equal(Sample.TitlesNewestFirst.Where(t => t != Sample.MarcusArticle).Take(titles.Count), titles);
    }

    [Fact]
    public async Task TheHomePageIntroducesThePracticeItsCounselorsArticlesAndFeaturedSeries()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/");

        Assert.Equal(Sample.HomeTitle, Text(page.QuerySelector("main h1")));
        Assert.StartsWith(Sample.HomeIntro, Text(page.QuerySelector(".hero .prose")), StringComparison.Ordinal);
        Assert.Equal([Sample.DanaWithCredentials, "Marcus Bell, LMFT"], page.QuerySelectorAll("section[aria-labelledby=counselors-title] li.counselor-card .card-title").Select(Text));
        var recent = page.QuerySelectorAll("section[aria-labelledby=recent-title] li.article-card h3").Select(Text).ToList();
        Assert.NotEmpty(recent);
        Assert.Equal(Sample.TitlesNewestFirst.Take(recent.Count), recent);
        var featured = page.QuerySelector(".series-feature h2 a");
        Assert.Equal((Sample.SeriesTitle, PublicSite.Series), (Text(featured), featured?.GetAttribute("href")));
        Assert.Equal(Sample.Practice, PublicSite.JsonLd(page)["MedicalBusiness"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheArticleListShowsTheSevenPublishedArticlesNewestFirstOnOnePage()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/articles");

        var links = page.QuerySelectorAll("main li.article-card h3 a").ToList();
        Assert.Equal(Sample.TitlesNewestFirst, links.Select(Text));
        Assert.Equal(Sample.Articles.Select(a => PublicSite.Base + a.Path), links.Select(a => a.GetAttribute("href")));
        Assert.Null(page.QuerySelector("nav.pager"));
    }

    [Fact]
    public async Task APageOfArticlesPastTheLastIsTheFriendlyNotFoundPage()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/articles?page=2", HttpStatusCode.NotFound);

        Assert.Equal("We couldn't find that page", Text(page.QuerySelector("main h1")));
        Assert.Empty(page.QuerySelectorAll("li.article-card"));
    }

    [Fact]
    public async Task ATopicPageListsOnlyTheArticlesOnThatTopic()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/topics/relationships");

        Assert.Equal("Relationships", Text(page.QuerySelector("main h1")));
        Assert.Equal([Sample.MarcusArticle, Sample.Parts[0]], page.QuerySelectorAll("main li.article-card h3").Select(Text));
    }

    [Fact]
    public async Task AnUnknownAddressGetsAFriendlyNotFoundPageThatIsNotIndexed()
    {
        var page = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/no-such-page", HttpStatusCode.NotFound);

        Assert.Equal("We couldn't find that page", Text(page.QuerySelector("main h1")));
        Assert.NotNull(page.QuerySelector($"main a[href='{PublicSite.Base}/']"));
        Assert.NotNull(page.QuerySelector("main a[href='tel:988']"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/atom.xml")]
    public async Task TheSiteFeedHasEveryArticleNewestFirstWithAbsoluteLinks(string feed)
    {
        var items = (await FeedAsync(PublicSite.Base + feed)).Items.ToList();

        Assert.Equal(Sample.TitlesNewestFirst, items.Select(i => i.Title.Text));
        Assert.Equal(Sample.Articles.Select(a => Origin + PublicSite.Base + a.Path), items.Select(i => Assert.Single(i.Links).Uri.ToString()));
    }

    [Fact]
    public async Task TheSeriesFeedHasItsThreePartsNewestFirst()
    {
        var items = (await FeedAsync(PublicSite.Series + "/feed.xml")).Items;

        Assert.Equal(Enumerable.Reverse(Sample.Parts), items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task ACounselorsFeedHasOnlyTheirArticles()
    {
        var items = (await FeedAsync(PublicSite.Base + "/counselors/marcus-bell/feed.xml")).Items;

        Assert.Equal([Sample.MarcusArticle], items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task TheSitemapListsArticlesSeriesAndCounselorsByAbsoluteUrl()
    {
        var sitemap = XDocument.Parse(await _factory.Client().GetStringAsync(PublicSite.Base + "/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var urls = sitemap.Root!.Elements(ns + "url").Select(u => u.Element(ns + "loc")?.Value ?? "").ToList();
        Assert.All(urls, u => Assert.StartsWith(Origin + PublicSite.Base + "/", u, StringComparison.Ordinal));
        var expected = Sample.Articles.Select(a => a.Path).Append("/series/what-you-should-know-about-therapy")
            .Append("/counselors/dana-whitfield").Append("/counselors/marcus-bell").Select(p => Origin + PublicSite.Base + p);
        Assert.Superset(expected.ToHashSet(), urls.ToHashSet());
    }

    [Fact]
    public async Task RobotsTxtNamesTheSitemap()
    {
        var robots = await _factory.Client().GetStringAsync(PublicSite.Base + "/robots.txt");

        Assert.Contains($"Sitemap: {Origin}{PublicSite.Base}/sitemap.xml", robots.Split('\n'));
        Assert.Contains($"Disallow: {PublicSite.Base}/admin", robots.Split('\n'));
    }

    [Theory]
    [InlineData(PublicSite.Article1)]
    [InlineData(PublicSite.Series)]
    [InlineData(PublicSite.Base + "/")]
    public async Task SiteLinksInsideABodyStayInThePractice(string path)
    {
        var page = await PublicSite.PageAsync(_factory.Client(), path);

        var links = page.QuerySelectorAll("main .prose a[href^='/']").Select(a => a.GetAttribute("href")!).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.StartsWith(PublicSite.Base + "/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDemoPracticeAnswersOnItsOwnHostNameWithLinksWithoutThePrefix()
    {
        var page = await PublicSite.PageAsync(_factory.Client("riverbend.localhost"), "/articles/what-you-should-know-about-therapy-part-1");

        Assert.Equal("http://riverbend.localhost/articles/what-you-should-know-about-therapy-part-1", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/counselors/dana-whitfield", page.QuerySelector(".byline a[rel=author]")!.GetAttribute("href"));
        Assert.Contains(page.QuerySelectorAll("main .prose a"), a => a.GetAttribute("href") == "/counselors/dana-whitfield");
    }

    private static string Text(IElement? element) => element is null ? "" : Whitespace().Replace(element.TextContent, " ").Trim();

    private static string? Meta(IDocument page, string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    // The facts aside lists each group under an h2; the group is the element after it.
    private static IElement Section(IDocument page, string heading) =>
        page.QuerySelectorAll(".profile-facts h2").Single(h => Text(h) == heading).NextElementSibling!;

    private HttpClient Reader(string name)
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 Reader{name}");
        return client;
    }

    private async Task<SyndicationFeed> FeedAsync(string path)
    {
        using var response = await _factory.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream);
        return SyndicationFeed.Load(reader);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d+) min read$")]
    private static partial Regex ReadingTime();

    /// <summary>What recipes/practice-sample.recipe.json publishes.</summary>
    private static class Sample
    {
        public const string Practice = "Riverbend Counseling";
        public const string HomeTitle = "Counseling in Poughkeepsie and online";
        public const string HomeIntro = "Riverbend Counseling is a small counseling practice in Poughkeepsie, New York.";
        public const string Dana = "Dana Whitfield";
        public const string DanaWithCredentials = "Dana Whitfield, LMHC";
        public const string DanaEmail = "dana@riverbend.example";
        public const string DanaBooking = "https://riverbend.example/request-appointment?counselor=dana";
        public const string SeriesTitle = "What You Should Know About Therapy";
        public const string Part1Heading = "Why the relationship matters so much";
        public const string MarcusArticle = "The Same Argument, Again: Understanding Couples' Conflict Cycles";

        public static readonly DateTimeOffset Part1Published = new(2020, 6, 2, 13, 0, 0, TimeSpan.Zero);

        public static readonly string[] DanaSpecialties = ["Anxiety", "Grief and loss", "Obsessive thinking and OCD", "Panic"];

        public static readonly string[] DanaApproaches =
            ["Acceptance and Commitment Therapy (ACT)", "Exposure and Response Prevention (ERP)", "Cognitive Behavioral Therapy (CBT)", "Mindfulness-based"];

        public static readonly (string Name, string? Url)[] DanaMemberships =
            [("Association for Contextual Behavioral Science", "https://contextualscience.org/"), ("International OCD Foundation", "https://iocdf.org/")];

        public static readonly string[] Parts =
        [
            "What You Should Know About Therapy, Part 1: The Therapeutic Relationship",
            "What You Should Know About Therapy, Part 2: Your First Few Sessions",
            "What You Should Know About Therapy, Part 3: How to Tell Whether Therapy Is Helping",
        ];

        public static readonly string?[] PartPaths = [PublicSite.Article1, PublicSite.Article2, PublicSite.Base + "/articles/what-you-should-know-about-therapy-part-3"];

        /// <summary>The seven published articles, newest first by publication date.</summary>
        public static readonly (string Title, string Path)[] Articles =
        [
            ("When Thoughts of Suicide Show Up: Reaching Out and Finding Support", "/articles/when-thoughts-of-suicide-show-up"),
            (MarcusArticle, "/articles/the-same-argument-again"),
            ("When Unwanted Thoughts Won't Leave You Alone", "/articles/when-unwanted-thoughts-wont-leave-you-alone"),
            ("Grief Doesn't Follow a Schedule", "/articles/grief-doesnt-follow-a-schedule"),
            (Parts[2], "/articles/what-you-should-know-about-therapy-part-3"),
            (Parts[1], "/articles/what-you-should-know-about-therapy-part-2"),
            (Parts[0], "/articles/what-you-should-know-about-therapy-part-1"),
        ];

        public static IEnumerable<string> TitlesNewestFirst => Articles.Select(a => a.Title);
    }
}
