using System.Net;
using AngleSharp.Dom;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// The settings of a field's type on its settings page: refused settings say why next to the setting and store nothing;
/// saved ones change the editor and the checks on saving at once. Each test adds a field of its own.
/// </summary>
public sealed class FieldSettingsAdminTests : IClassFixture<CmsFactory>
{
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";
    private const string SeriesItem = AdminSite.Base + "/admin/content/serieswhatyoushouldknow001";

    private readonly CmsFactory _factory;

    public FieldSettingsAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ANumbersRangeAndDecimalPlacesAreCheckedWhenAnItemIsSaved()
    {
        var admin = await SignInAsync();
        var settings = await AddFieldAsync(admin, "Counselor", "YearsInPractice", "NumericField", "Years in practice");

        var saved = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Years in practice"), new("Minimum", "0"), new("Maximum", "10"), new("Scale", "0")]);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal("numeric", (await PublicSite.PageAsync(admin, Dana)).QuerySelector("#f-Counselor-YearsInPractice")!.GetAttribute("inputmode"));
        Assert.Contains("outside the allowed range 0 to 10", await RefusedSaveAsync(admin, Dana, "Counselor.YearsInPractice", "11"), StringComparison.Ordinal);
        Assert.Contains("takes whole numbers only", await RefusedSaveAsync(admin, Dana, "Counselor.YearsInPractice", "2.5"), StringComparison.Ordinal);
        var fields = await AdminSite.FormFieldsAsync(admin, Dana);
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, Dana, fields.With("Counselor.YearsInPractice", "10").With("action", "draft"))).StatusCode);
        Assert.Equal("10", (await PublicSite.PageAsync(admin, Dana)).QuerySelector("#f-Counselor-YearsInPractice")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AMinimumAboveTheMaximumOrTextForANumberIsRefusedAndNothingIsStored()
    {
        var admin = await SignInAsync();
        var settings = await AddFieldAsync(admin, "Series", "Sessions", "NumericField", "Sessions");

        var response = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Sessions renamed"), new("Minimum", "10"), new("Maximum", "5"), new("Scale", "two")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), settings);
        Assert.Equal("The maximum (5) is less than the minimum (10).", page.QuerySelector("#Maximum-error")!.TextContent);
        Assert.Contains("whole number from 0 to 10, not “two”", page.QuerySelector("#Scale-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("5", page.QuerySelector("#Maximum")!.GetAttribute("value"));
        var stored = await PublicSite.PageAsync(admin, settings);
        Assert.Equal("Sessions", stored.QuerySelector("#Label")!.GetAttribute("value"));
        Assert.Equal("", stored.QuerySelector("#Maximum")!.GetAttribute("value"));
    }

    [Fact]
    public async Task APredefinedListShowsItsChoicesAndDefaultInTheEditorAndABadListIsRefused()
    {
        var admin = await SignInAsync();
        var settings = await AddFieldAsync(admin, "Counselor", "SessionLength", "TextField", "Session length");

        var empty = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Session length"), new("Editor", "PredefinedList"), new("Options", "")]);
        var halfLine = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Session length"), new("Editor", "PredefinedList"), new("Options", "50 minutes|50\n|80")]);
        var strayDefault = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Session length"), new("Editor", "PredefinedList"), new("Options", "50 minutes|50\n80 minutes|80"), new("DefaultValue", "60")]);

        Assert.Contains("Add the choices of the list", await ErrorAsync(empty, settings, "Options"), StringComparison.Ordinal);
        Assert.Contains("Line 2 (“|80”) needs a label and a value", await ErrorAsync(halfLine, settings, "Options"), StringComparison.Ordinal);
        Assert.Contains("The default “60” is not one of the list's values (50, 80)", await ErrorAsync(strayDefault, settings, "DefaultValue"), StringComparison.Ordinal);
        Assert.Equal("text", (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Counselor")).QuerySelector("#f-Counselor-SessionLength")!.GetAttribute("type"));

        var saved = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Session length"), new("Editor", "PredefinedList"), new("Options", "50 minutes|50\n80 minutes|80"), new("DefaultValue", "80")]);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var editor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Counselor");
        var select = editor.QuerySelector("select#f-Counselor-SessionLength")!;
        Assert.Equal(["(none)", "50 minutes", "80 minutes"], select.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.Equal("80", select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Equal("50 minutes|50\n80 minutes|80", (await PublicSite.PageAsync(admin, settings)).QuerySelector("#Options")!.TextContent.Trim());
    }

    [Fact]
    public async Task APickersTypesAndMultipleShapeItsEditorAndAnUnknownTypeIsRefused()
    {
        var admin = await SignInAsync();
        var settings = await AddFieldAsync(admin, "Article", "RelatedSeries", "ContentPickerField", "Related series");

        var unknown = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Related series"), new("ContentTypes", "Series"), new("ContentTypes", "Workshop")]);
        var none = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Related series")]);

        Assert.Equal("There is no content type “Workshop”.", await ErrorAsync(unknown, settings, "ContentTypes"));
        Assert.Equal("Choose at least one kind of content to pick from.", await ErrorAsync(none, settings, "ContentTypes"));

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, settings, [new("Label", "Related series"), new("ContentTypes", "Series")])).StatusCode);
        var single = (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Article")).QuerySelector("#f-Article-RelatedSeries")!;
        Assert.False(single.HasAttribute("multiple"));
        Assert.Equal(["(none)", "What You Should Know About Therapy"], single.QuerySelectorAll("option").Select(o => o.TextContent));

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, settings, [new("Label", "Related series"), new("ContentTypes", "Series"), new("ContentTypes", "Counselor"), new("Multiple", "true")])).StatusCode);
        var several = (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Article")).QuerySelector("#f-Article-RelatedSeries")!;
        Assert.True(several.HasAttribute("multiple"));
        Assert.Contains("Dana Whitfield", several.QuerySelectorAll("option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task AnImageFieldRequiresDescriptionsAndHoldsSeveralImagesOnlyWhenSetTo()
    {
        var admin = await SignInAsync();
        var settings = await AddFieldAsync(admin, "Series", "Gallery", "MediaField", "Gallery");
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, settings, [new("Label", "Gallery"), new("Multiple", "true"), new("RequireMediaText", "true")])).StatusCode);

        Assert.Contains("Add a short description of the image for Gallery", await RefusedSaveAsync(admin, SeriesItem, "Series.Gallery", "series/what-you-should-know-about-therapy.png"), StringComparison.Ordinal);
        var first = (await AdminSite.FormFieldsAsync(admin, SeriesItem)).With("Series.Gallery", "articles/passing-clouds.png").With("Series.Gallery.Alt", "A calm room").With("action", "draft");
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, SeriesItem, first)).StatusCode);

        // The kept image has its own row; the last row adds another.
        var second = await AdminSite.FormFieldsAsync(admin, SeriesItem);
        Assert.Equal(["articles/passing-clouds.png", ""], second.Where(f => f.Key == "Series.Gallery").Select(f => f.Value));
        second = second.Where(f => f.Key is not ("Series.Gallery" or "Series.Gallery.Alt")).ToList();
        second.AddRange([new("Series.Gallery", "articles/passing-clouds.png"), new("Series.Gallery.Alt", "A calm room"), new("Series.Gallery", "articles/grief-river-at-dusk.png"), new("Series.Gallery.Alt", "A window"), new("action", "draft")]);
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, SeriesItem, second)).StatusCode);
        var editor = await PublicSite.PageAsync(admin, SeriesItem);
        Assert.Equal("A window", editor.QuerySelector("#f-Series-Gallery-alt-1")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, settings, [new("Label", "Gallery"), new("RequireMediaText", "true")])).StatusCode);
        var fields = await AdminSite.FormFieldsAsync(admin, SeriesItem);
        Assert.Equal(["articles/passing-clouds.png"], fields.Where(f => f.Key == "Series.Gallery").Select(f => f.Value));
        fields.AddRange([new("Series.Gallery", "articles/grief-river-at-dusk.png"), new("Series.Gallery.Alt", "A window"), new("action", "draft")]);
        var refused = await AdminSite.PostFormAsync(admin, SeriesItem, fields);
        Assert.Contains("Gallery holds one image only.", (await PublicSite.ParseAsync(await refused.Content.ReadAsStringAsync(), SeriesItem)).QuerySelector("#f-Series-Gallery-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYesNoFieldsLabelAndDefaultShowInANewItemsEditor()
    {
        var admin = await SignInAsync();
        var settings = await AddFieldAsync(admin, "Counselor", "RunsGroups", "BooleanField", "Groups");
        var fresh = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Counselor");
        Assert.False(fresh.QuerySelector("#f-Counselor-RunsGroups")!.HasAttribute("checked"));

        var saved = await AdminSite.PostFormAsync(admin, settings, [new("Label", "Groups"), new("CheckboxLabel", "Runs group sessions"), new("DefaultChecked", "true")]);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var editor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Counselor");
        var box = editor.QuerySelector("#f-Counselor-RunsGroups")!;
        Assert.True(box.HasAttribute("checked"));
        Assert.Equal("Runs group sessions", box.ParentElement!.TextContent.Trim());
        Assert.Null((await PublicSite.PageAsync(admin, settings)).QuerySelector("input[name=Required]"));
    }

    private Task<HttpClient> SignInAsync() => AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

    // Adds a field through the type page, which opens the new field's settings page; returns that page's path.
    private static async Task<string> AddFieldAsync(HttpClient admin, string type, string name, string kind, string label)
    {
        var added = await AdminSite.PostFormAsync(admin, $"{AdminSite.Base}/admin/types/{type}", [new("fieldName", name), new("fieldType", kind), new("label", label)], "Add");
        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var settings = $"{AdminSite.Base}/admin/types/{type}/fields/{name}";
        Assert.Equal(settings + "?done=added", added.Headers.Location!.OriginalString);
        return settings;
    }

    // Saves the item's editor as shown with one value changed; the save must be refused. Returns the error next to the field.
    private static async Task<string> RefusedSaveAsync(HttpClient admin, string editor, string field, string value)
    {
        var fields = (await AdminSite.FormFieldsAsync(admin, editor)).With(field, value).With("action", "draft");
        var response = await AdminSite.PostFormAsync(admin, editor, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), editor);
        return page.QuerySelector($"#f-{field.Replace('.', '-')}-error")?.TextContent ?? "";
    }

    // A refused settings form: the error next to the setting.
    private static async Task<string> ErrorAsync(HttpResponseMessage response, string path, string key)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        IDocument page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), path);
        return page.QuerySelector($"#{key}-error")?.TextContent ?? "";
    }
}
