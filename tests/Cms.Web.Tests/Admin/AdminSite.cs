using System.Net;
using System.Text.RegularExpressions;
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

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
