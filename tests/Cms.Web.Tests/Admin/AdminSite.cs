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
        var page = await client.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        var target = handler is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(all));
    }

    /// <summary>Adds a user through the Users page as the practice's administrator.</summary>
    public static async Task AddUserAsync(HttpClient admin, string userName, string password, params string[] roles)
    {
        var fields = new List<KeyValuePair<string, string>> { new("NewUserName", userName), new("NewPassword", password) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("NewRoles", r)));
        var response = await PostFormAsync(admin, Base + "/admin/users", fields, "Add");
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Adding {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The editor form's current values at <paramref name="path"/>, as a browser without script would post them (no files, no token).</summary>
    public static async Task<List<KeyValuePair<string, string>>> EditorFieldsAsync(HttpClient client, string path)
    {
        var page = await PublicSite.PageAsync(client, path);
        return page.QuerySelectorAll("form.editor input[name], form.editor textarea[name], form.editor select[name]")
            .Where(e => e.GetAttribute("type") is not "file" && !e.GetAttribute("name")!.StartsWith("__", StringComparison.Ordinal))
            .Where(e => e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked"))
            .SelectMany(e => e.LocalName == "select"
                ? e.QuerySelectorAll("option[selected]").Select(o => new KeyValuePair<string, string>(e.GetAttribute("name")!, o.GetAttribute("value") ?? ""))
                : [new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName == "textarea" ? e.TextContent : e.GetAttribute("value") ?? "")])
            .ToList();
    }

    /// <summary>The fields with one replaced (or added).</summary>
    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
