using System.Net;
using System.Text.RegularExpressions;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Drives the admin as a browser without JavaScript would: sign in, read a form's antiforgery token, post it.</summary>
internal static partial class AdminSite
{
    public const string Base = "/riverbend";

    public static async Task<HttpClient> SignInAsync(CmsFactory factory, string userName, string password, string tenantBase = Base)
    {
        var client = factory.Client();
        var response = await CmsFactory.SignInAsync(client, tenantBase, userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a form of the page at <paramref name="path"/> with its antiforgery token and the given fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? handler = null)
    {
        var token = await AntiforgeryTokenAsync(client, path);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        var target = handler is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(all));
    }

    /// <summary>The antiforgery token of the page at <paramref name="path"/> (its forms' hidden field), for the signed-in user of the client.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path) =>
        WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync(path)).Groups[1].Value);

    /// <summary>
    /// The fields a browser without JavaScript would send for the form matching <paramref name="form"/> as the page shows
    /// it now: inputs (checked boxes only, no files), text areas and the chosen options of selects; no button.
    /// </summary>
    public static async Task<List<KeyValuePair<string, string>>> FormFieldsAsync(HttpClient client, string path, string form = "form.editor") =>
        FormFields(await Practice.PublicSite.PageAsync(client, path), form);

    /// <summary>The fields of a form of a page already read (a form the server showed again, say).</summary>
    public static List<KeyValuePair<string, string>> FormFields(AngleSharp.Dom.IDocument page, string form = "form.editor")
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in page.QuerySelector(form)!.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement input when input.Type is "file" or "submit" or "button" || name == "__RequestVerificationToken":
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    break;
                case AngleSharp.Html.Dom.IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]!);
                    }

                    fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The fields with every value of <paramref name="name"/> replaced by <paramref name="value"/> (added when absent).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        fields.RemoveAll(f => f.Key == name);
        fields.Insert(index < 0 ? fields.Count : index, new(name, value));
        return fields;
    }

    /// <summary>The item's latest version as the practice's recipe export writes it.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> ExportedAsync(HttpClient admin, string id)
    {
        var export = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync(Base + "/api/recipes/export"))!;
        return export["steps"]!.AsArray().Where(s => (string?)s!["name"] == "content").SelectMany(s => s!["data"]!.AsArray())
            .OfType<System.Text.Json.Nodes.JsonObject>().Single(i => (string?)i["ContentItemId"] == id && (bool?)i["Latest"] == true);
    }

    /// <summary>The admin menu's entries, as the signed-in user of the client sees them.</summary>
    public static async Task<IReadOnlyList<string>> MenuAsync(HttpClient client, string tenantBase = Base) =>
        (await Practice.PublicSite.PageAsync(client, tenantBase + "/admin")).QuerySelectorAll("nav.sidenav a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>Signs out with the admin layout's own form and its antiforgery token ("Sign out everywhere" when asked).</summary>
    public static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser, string tenantBase = Base, bool everywhere = false)
    {
        var page = await PublicSite.PageAsync(browser, tenantBase + "/admin");
        var form = page.QuerySelector($"form[action='{tenantBase}/logout']")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        if (everywhere)
        {
            fields["everywhere"] = form.QuerySelector("button[name=everywhere]")!.GetAttribute("value")!;
        }

        return await browser.PostAsync(tenantBase + "/logout", new FormUrlEncodedContent(fields));
    }

    /// <summary>Adds a user through the Users page as the practice's administrator.</summary>
    public static async Task AddUserAsync(HttpClient admin, string userName, string password, params string[] roles)
    {
        var fields = new List<KeyValuePair<string, string>> { new("NewUserName", userName), new("NewPassword", password) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("NewRoles", r)));
        var response = await PostFormAsync(admin, Base + "/admin/users", fields, "Add");
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Adding {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    // The editor's form as a browser posts it with a file chosen: multipart, every current field (as <paramref name="typed"/> changes them), the token.
    public static async Task<HttpResponseMessage> PostWithUploadAsync(
        HttpClient client, string path, string fileField, string fileName, byte[] bytes, Func<List<KeyValuePair<string, string>>, List<KeyValuePair<string, string>>>? typed = null)
    {
        var token = WebUtility.HtmlDecode(Token().Match(await client.GetStringAsync(path)).Groups[1].Value);
        using var form = new MultipartFormDataContent();
        var fields = await FormFieldsAsync(client, path);
        foreach (var (name, value) in (typed?.Invoke(fields) ?? fields).With("action", "draft").With("__RequestVerificationToken", token))
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(bytes), fileField, fileName);
        return await client.PostAsync(path, form);
    }

    /// <summary>Uploads a recipe on the practice's Import page (the first step: checked, then waiting to be applied or cancelled).</summary>
    public static async Task<HttpResponseMessage> UploadRecipeAsync(HttpClient admin, string tenantBase, string recipe)
    {
        var form = await admin.GetStringAsync(tenantBase + "/admin/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(recipe));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Add(file, "recipe", "test.recipe.json");
        return await admin.PostAsync(tenantBase + "/admin/import?handler=Check", content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
