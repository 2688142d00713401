using System.IO.Compression;
using Cms.Tenancy;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>The admin in a real browser: what a hosting operator, a practice administrator and an author do.</summary>
public sealed class AdminBrowserTests : IClassFixture<BrowserHost>
{
    private const string Password = "browser-password-1";

    private const string Counselor = """
        { "name": "counselor", "steps": [ { "name": "content", "data": [ {
          "ContentItemId": "fircounselor000000000001", "ContentType": "Counselor", "Latest": true, "Published": true,
          "TitlePart": { "Title": "Wren Alder" },
          "Counselor": { "ProfessionalTitle": { "Text": "Counselor" }, "LicenseStatus": { "Text": "licensed" }, "NewClientStatus": { "Text": "accepting" }, "Photo": { "Paths": [ "w.png" ], "MediaTexts": [ "Portrait of Wren" ] } }
        } ] } ] }
        """;

    private readonly BrowserHost _host;

    public AdminBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task AnOperatorCreatesAPracticeWhoseAdministratorPublishesACounselorAndASeriesThatThePublicSiteShows()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var host = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(host, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await host.GotoAsync("/admin/practices");
        await host.GetByLabel("Name", new() { Exact = true }).FillAsync("cedar");
        await host.GetByLabel("Display name").FillAsync("Cedar Counseling");
        await host.GetByLabel("URL prefix (optional)").FillAsync("cedar");
        await host.GetByLabel("First administrator's user name").FillAsync("cedar-admin");
        await host.GetByLabel("Their password").FillAsync(Password);
        await host.GetByRole(AriaRole.Button, new() { Name = "Create practice" }).ClickAsync();
        await Assertions.Expect(host.Locator(".notice")).ToContainTextAsync("Practice “cedar” created and running.");
        await BrowserHost.ScreenshotAsync(host, "host-practices");

        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/cedar", "cedar-admin", Password);
        await BrowserHost.ScreenshotAsync(admin, "dashboard");

        // A counselor with a photo.
        await admin.GotoAsync("/cedar/admin/content/new/Counselor");
        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Ana Ruiz");
        await admin.GetByLabel("Professional title", new() { Exact = true }).FillAsync("Licensed Clinical Social Worker");
        await admin.GetByLabel("Credential suffix (optional)").FillAsync("LCSW");
        await admin.GetByLabel("Photo", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "ana.png", MimeType = "image/png", Buffer = Png() });
        await admin.GetByLabel("Describe the image for people who use screen readers").FillAsync("Ana Ruiz smiling in her office");
        await admin.GetByRole(AriaRole.Group, new() { Name = "Specialties" }).GetByLabel("Anxiety", new() { Exact = true }).CheckAsync();
        await BrowserHost.ScreenshotAsync(admin, "editor-counselor");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");

        // A series and its two parts.
        await admin.GotoAsync("/cedar/admin/content/new/Series");
        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Starting Out");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");
        foreach (var part in new[] { 1, 2 })
        {
            await admin.GotoAsync("/cedar/admin/content/new/Article");
            await admin.GetByLabel("Title", new() { Exact = true }).FillAsync($"Starting Out, Part {part}");
            await admin.GetByLabel("Body (optional)").FillAsync($"## Part {part}\n\nWhat to expect in part {part}.");
            await PickAsync(admin, "Authors", "ana", "Ana Ruiz");
            await PickAsync(admin, "Series (optional)", "start", "Starting Out");
            await admin.GetByLabel("Part number (optional)").FillAsync(part.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");
        }

        await admin.GotoAsync("/cedar/admin/content");
        await BrowserHost.ScreenshotAsync(admin, "content-list");
        await admin.GotoAsync("/cedar/admin/users");
        await BrowserHost.ScreenshotAsync(admin, "users");
        foreach (var (path, heading) in new[] { ("roles", "Roles"), ("settings", "Settings"), ("templates", "Templates"), ("types", "Content types") })
        {
            await admin.GotoAsync("/cedar/admin/" + path);
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync(heading);
            await BrowserHost.ScreenshotAsync(admin, path);
        }

        // A tablet held upright: every main page fits its width (nothing scrolls sideways but a wide table inside its own box).
        await admin.SetViewportSizeAsync(820, 1180);
        foreach (var path in new[] { "", "/content", "/content/new/Article", "/users", "/roles", "/types/Counselor", "/settings" })
        {
            await admin.GotoAsync("/cedar/admin" + path);
            var overflow = await admin.EvaluateAsync<string>("""
                () => document.documentElement.scrollWidth <= window.innerWidth ? '' :
                  [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth)
                    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).slice(-3).join(', ')
                """);
            Assert.True(overflow.Length == 0, $"/admin{path} is wider than a tablet's 820 px: {overflow}");
        }

        await admin.GotoAsync("/cedar/admin/content/new/Article");
        await BrowserHost.ScreenshotAsync(admin, "tablet-editor");
        await admin.SetViewportSizeAsync(1280, 900);

        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/cedar/series/starting-out");
        await Assertions.Expect(reader.Locator(".series-parts li")).ToHaveCountAsync(2);
        await reader.GetByRole(AriaRole.Link, new() { Name = "Starting Out, Part 2" }).ClickAsync();
        await Assertions.Expect(reader.Locator(".series-box summary")).ToContainTextAsync("Part 2 of 2");
        await Assertions.Expect(reader.Locator(".byline a[rel=author]")).ToHaveTextAsync("Ana Ruiz, LCSW");
        await reader.GotoAsync("/cedar/counselors");
        var photo = reader.Locator(".counselor-card img[alt='Ana Ruiz smiling in her office']");
        await Assertions.Expect(photo).ToBeVisibleAsync();
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The uploaded photo does not load on the public site.");
    }

    [SkippableFact]
    public async Task AnAuthorCannotPublishNorOpenAnotherAuthorsArticle()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        await CreatePracticeAsync("fir");
        await Cms.Web.Tests.Practice.PublicSite.ImportAsync(_host.Factory.CreateClient(), "/fir", Counselor);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/fir", "fir-admin", Password);
        foreach (var user in new[] { "writer", "writer2" })
        {
            await admin.GotoAsync("/fir/admin/users");
            await admin.GetByLabel("User name").FillAsync(user);
            await admin.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("User added.");
        }

        var writer = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(writer, "/fir", "writer", Password);
        await writer.GotoAsync("/fir/admin/content/new/Article");
        await Assertions.Expect(writer.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true })).ToHaveCountAsync(0);
        await writer.GetByLabel("Title", new() { Exact = true }).FillAsync("A Draft By Writer");
        await PickAsync(writer, "Authors", "wren", "Wren Alder");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(writer.Locator(".notice")).ToContainTextAsync("Draft saved.");
        var draftUrl = writer.Url;

        var other = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(other, "/fir", "writer2", Password);
        var response = await other.GotoAsync(draftUrl);
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
    }

    [SkippableFact]
    public async Task ABrokenRecipeUploadShowsItsErrorsAndChangesNothing()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        await CreatePracticeAsync("elm");
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/elm", "elm-admin", Password);
        await admin.GotoAsync("/elm/admin/content");
        var before = await admin.Locator("p[role=status]").TextContentAsync();

        await admin.GotoAsync("/elm/admin/import");
        await BrowserHost.ScreenshotAsync(admin, "import");
        await admin.GetByLabel("Recipe file").SetInputFilesAsync(new FilePayload
        {
            Name = "broken.recipe.json",
            MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""{ "name": "broken", "steps": [ { "name": "content", "data": [ { "ContentType": "Article", "TitlePart": { "Title": "Never" } } ] }, { "name": "nosuchstep" } ] }"""),
        });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check the recipe" }).ClickAsync();

        await Assertions.Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("broken.recipe.json cannot be imported");
        await Assertions.Expect(admin.Locator(".recipe-errors li").First).ToContainTextAsync("/steps/0/data/0");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Apply the recipe" })).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(admin, "import-errors");
        await admin.GotoAsync("/elm/admin/content");
        Assert.Equal(before, await admin.Locator("p[role=status]").TextContentAsync());
    }

    [SkippableFact]
    public async Task DraggingTheThirdPartAboveTheFirstReordersTheSeriesOnThePublicSite()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await admin.GotoAsync("/riverbend/admin/series/serieswhatyoushouldknow001/parts");
        var third = admin.Locator("tr[data-id=articletherapypart30000001]");
        await Assertions.Expect(third).ToHaveAttributeAsync("draggable", "true");

        await third.DragToAsync(admin.Locator("tr[data-id=articletherapypart10000001]"), new() { TargetPosition = new() { X = 30, Y = 4 } });

        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Order saved.");
        await Assertions.Expect(admin.Locator("tbody tr")).ToHaveCountAsync(3);
        Assert.Equal(["articletherapypart30000001", "articletherapypart10000001", "articletherapypart20000001"],
            await admin.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)"));
        await BrowserHost.ScreenshotAsync(admin, "series-parts");

        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/riverbend/series/what-you-should-know-about-therapy");
        await Assertions.Expect(reader.Locator(".series-parts li > a").First).ToContainTextAsync("Part 3: How to Tell Whether Therapy Is Helping");
        await reader.GotoAsync("/riverbend/articles/what-you-should-know-about-therapy-part-3");
        await Assertions.Expect(reader.Locator(".series-box summary")).ToContainTextAsync("Part 1 of 3");
    }

    [SkippableFact]
    public async Task AddingAMembershipKeepsWhatWasTypedAndTakesTheFocusToTheNewMembership()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await admin.GotoAsync("/riverbend/admin/content/counselormarcusbell0000001");
        await admin.GetByLabel("Pronouns (optional)").FillAsync("he/they");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Add membership" }).ClickAsync();

        var added = admin.Locator(".bag-item").Last;
        await Assertions.Expect(added).ToBeFocusedAsync();
        await Assertions.Expect(admin.GetByLabel("Pronouns (optional)")).ToHaveValueAsync("he/they");
        await added.GetByLabel("Organization", new() { Exact = true }).FillAsync("https://www.apa.org/");
        await added.GetByLabel("Link text (optional)").FillAsync("American Psychological Association");
        await admin.Locator("#bag-Memberships").ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "editor-memberships.png") });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");

        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/riverbend/counselors/marcus-bell");
        await Assertions.Expect(reader.Locator("ul.memberships li").Last).ToHaveTextAsync("American Psychological Association");
        await admin.GotoAsync("/riverbend/admin/types/Counselor");
        await BrowserHost.ScreenshotAsync(admin, "type-counselor");
        await admin.GotoAsync("/riverbend/admin/types/Counselor/fields/LicenseStatus");
        await BrowserHost.ScreenshotAsync(admin, "field-settings");
    }

    [SkippableFact]
    public async Task AnAuthorIsFoundByTypingPartOfTheirNameAndTheChosenOrderIsSaved()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        await CreatePracticeAsync("oak");
        await Cms.Web.Tests.Practice.PublicSite.ImportAsync(_host.Factory.CreateClient(), "/oak", Counselor);
        await Cms.Web.Tests.Practice.PublicSite.ImportAsync(_host.Factory.CreateClient(), "/oak", Counselor.Replace("fircounselor000000000001", "oakcounselor000000000002", StringComparison.Ordinal)
            .Replace("Wren Alder", "Wendell Ash", StringComparison.Ordinal));
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/oak", "oak-admin", Password);
        await admin.GotoAsync("/oak/admin/content/new/Article");
        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Two Voices");

        // The keyboard only: type, arrow down to the match, Enter (which must not submit the form).
        var authors = admin.GetByRole(AriaRole.Combobox, new() { Name = "Authors", Exact = true });
        await authors.FillAsync("ald");
        await Assertions.Expect(admin.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Option)).ToHaveTextAsync(["Wren Alder"]);
        await authors.PressAsync("ArrowDown");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, "editor-picker-open.png") });
        await Assertions.Expect(authors).ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex(".+"));
        await authors.PressAsync("Enter");
        await Assertions.Expect(admin.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await PickAsync(admin, "Authors", "wen", "Wendell Ash");
        await Assertions.Expect(admin.GetByRole(AriaRole.List, new() { Name = "Authors: chosen" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Move Wendell Ash up" }).ClickAsync();
        await BrowserHost.ScreenshotAsync(admin, "editor-picker");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Draft saved.");

        await admin.ReloadAsync();
        var saved = admin.Locator("input[type=hidden][name='Article.Authors']");
        Assert.Equal(["oakcounselor000000000002", "fircounselor000000000001"], await saved.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)"));
        await Assertions.Expect(admin.GetByRole(AriaRole.List, new() { Name = "Authors: chosen" }).GetByRole(AriaRole.Listitem).First).ToContainTextAsync("Wendell Ash");
    }

    [SkippableFact]
    public async Task ACounselorPhotoIsChosenFromTheLibraryAndThePublicProfileShowsIt()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        await CreatePracticeAsync("pine");
        var png = Convert.ToBase64String(Png());
        await Cms.Web.Tests.Practice.PublicSite.ImportAsync(_host.Factory.CreateClient(), "/pine", $$"""
            { "name": "library", "steps": [ { "name": "media", "Files": [
              { "TargetPath": "portraits/ivy-stone.png", "Base64": "{{png}}" }, { "TargetPath": "garden/bench.png", "Base64": "{{png}}" } ] } ] }
            """);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/pine", "pine-admin", Password);
        await admin.GotoAsync("/pine/admin/content/new/Counselor");
        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Ivy Stone");
        await admin.GetByLabel("Professional title", new() { Exact = true }).FillAsync("Licensed Mental Health Counselor");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Choose from library" }).ClickAsync();
        var library = admin.GetByRole(AriaRole.Dialog, new() { Name = "Choose an image" });
        await Assertions.Expect(library.GetByRole(AriaRole.Button, new() { Name = "bench.png" })).ToBeVisibleAsync();
        await Assertions.Expect(library.GetByLabel("Filter by file name")).ToBeFocusedAsync();
        await library.GetByLabel("Filter by file name").FillAsync("ivy");
        await Assertions.Expect(library.Locator(".media-choice")).ToHaveCountAsync(1);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, "editor-media-library.png") });
        await library.GetByRole(AriaRole.Button, new() { Name = "ivy-stone.png" }).ClickAsync();
        await Assertions.Expect(library).ToBeHiddenAsync();
        await Assertions.Expect(admin.GetByLabel("Or its path in the media library")).ToHaveValueAsync("portraits/ivy-stone.png");
        var alt = admin.GetByLabel("Describe the image for people who use screen readers");
        await Assertions.Expect(alt).ToBeFocusedAsync();

        // Chosen from the library or not, the image needs its description.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("[data-kind=MediaField] .error")).ToContainTextAsync("Add a short description of the image");
        await Assertions.Expect(admin.GetByLabel("Or its path in the media library")).ToHaveValueAsync("portraits/ivy-stone.png");
        await alt.FillAsync("Ivy Stone on a garden bench, smiling");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");

        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/pine/counselors");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Ivy Stone" }).First.ClickAsync();
        var photo = reader.Locator("img[alt='Ivy Stone on a garden bench, smiling']").First;
        await Assertions.Expect(photo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"^/pine/media/portraits/ivy-stone\.png\?v=[0-9a-f]{16}$"));
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The chosen photo does not load on the profile.");
    }

    [SkippableFact]
    public async Task WhatIsTypedIsSavedAsADraftInTheBackgroundAndIsThereAfterAReload()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        await CreatePracticeAsync("ash");
        await Cms.Web.Tests.Practice.PublicSite.ImportAsync(_host.Factory.CreateClient(), "/ash", Counselor);
        var admin = await _host.NewPageAsync();
        var warnings = new List<string>();
        admin.Dialog += (_, dialog) =>
        {
            warnings.Add(dialog.Type);
            _ = dialog.AcceptAsync();
        };
        await BrowserHost.SignInAsync(admin, "/ash", "ash-admin", Password);
        await admin.GotoAsync("/ash/admin/content/new/Article");
        var autosave = admin.Locator("[data-autosave-status]");

        // Leaving the tab saves at once (well before the quiet seconds are over), but nothing is created before it has a title.
        await admin.GetByLabel("Body (optional)").FillAsync("A first line, before any title.");
        await admin.EvaluateAsync("""
            () => {
              Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
              document.dispatchEvent(new Event('visibilitychange'));
              delete document.visibilityState;
            }
            """);
        await Assertions.Expect(autosave).ToHaveTextAsync("Give it a title, and it is saved as a draft as you write.", new() { Timeout = 4000 });

        await admin.GetByLabel("Title", new() { Exact = true }).FillAsync("Written Without Saving");
        await PickAsync(admin, "Authors", "wren", "Wren Alder");
        await admin.GetByLabel("Body (optional)").PressSequentiallyAsync(" Then the words kept coming.");
        await Assertions.Expect(autosave).ToContainTextAsync("Draft saved");
        await Assertions.Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/ash/admin/content/[0-9a-z]{26}$"));
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Written Without Saving");
        await Assertions.Expect(admin).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Written Without Saving · "));
        await Assertions.Expect(admin.Locator("[aria-label=Status]")).ToHaveTextAsync("Draft");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, "editor-autosaved.png") });

        await admin.ReloadAsync();
        await Assertions.Expect(admin.GetByLabel("Body (optional)")).ToHaveValueAsync("A first line, before any title. Then the words kept coming.");
        await Assertions.Expect(admin.Locator("[aria-label=Status]")).ToHaveTextAsync("Draft");
        Assert.Empty(warnings);

        // The person's own save after a background one: the same item, no conflict with itself.
        await admin.GetByLabel("Body (optional)").PressSequentiallyAsync(" And more.");
        await Assertions.Expect(autosave).ToContainTextAsync("Draft saved");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Draft saved.");
        await admin.GotoAsync("/ash/admin/content?type=Article");
        await Assertions.Expect(admin.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("tbody tr")).ToContainTextAsync("Written Without Saving");
    }

    // A content picker as a person uses it: type part of a name, wait for the matches, click the one wanted.
    private static async Task PickAsync(IPage page, string label, string typed, string item)
    {
        await page.GetByLabel(label, new() { Exact = true }).FillAsync(typed);
        await page.GetByRole(AriaRole.Option, new() { Name = item }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = label.Replace(" (optional)", "", StringComparison.Ordinal) + ": chosen" })).ToContainTextAsync(item);
    }

    private async Task CreatePracticeAsync(string name)
    {
        var result = await _host.Factory.Services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = name, Prefix = name, RecipeName = "practice", AdminUserName = name + "-admin", AdminPassword = Password },
            default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    // A small real PNG (a soft green square), so the public page can decode it.
    private static byte[] Png()
    {
        const int size = 64;
        using var raw = new MemoryStream();
        for (var y = 0; y < size; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < size; x++)
            {
                raw.Write([0x8f, 0xb9, 0xa8]);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, size, 0, 0, 0, size, 8, 2, 0, 0, 0]);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                raw.Position = 0;
                raw.CopyTo(z);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(BigEndian((uint)data.Length));
        png.Write(typeBytes);
        png.Write(data);
        png.Write(BigEndian(Crc32([.. typeBytes, .. data])));
    }

    // PNG's chunk checksum (CRC-32, polynomial 0xEDB88320), bit by bit: a few hundred bytes here.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
