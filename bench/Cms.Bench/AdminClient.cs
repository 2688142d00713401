using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Cms.Bench;

/// <summary>
/// One person in a practice's admin, as a browser would be: signed in with a cookie, one kept-alive connection,
/// redirects seen rather than followed (a save answers 302), forms read from the page and posted back whole.
/// </summary>
internal sealed partial class AdminClient : IDisposable
{
    /// <summary>The start of what the editor says when someone else saved the item after the form was opened.</summary>
    private const string ConflictNotice = "Someone else saved this";

    private readonly HttpClient _client;
    private readonly string _tenant;

    private AdminClient(Uri baseAddress, string tenant)
    {
        _tenant = tenant;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), ConnectTimeout = TimeSpan.FromSeconds(1) };
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Signs in on the practice's own sign-in page (GET for the antiforgery token, POST, 302 on success).</summary>
    public static async Task<AdminClient> SignInAsync(Uri baseAddress, string tenant, string userName, string password)
    {
        var admin = new AdminClient(baseAddress, tenant);
        try
        {
            var (_, page) = await admin.GetAsync("login");
            var token = TokenField().Match(page) is { Success: true } match
                ? WebUtility.HtmlDecode(match.Groups["value"].Value)
                : throw new InvalidOperationException("The sign-in page has no __RequestVerificationToken field.");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["userName"] = userName,
                ["password"] = password,
                ["returnUrl"] = "",
            });
            using var response = await admin._client.PostAsync(admin.Relative("login"), form);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true)
            {
                throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}: {Excerpt(await response.Content.ReadAsStringAsync())}");
            }

            return admin;
        }
        catch
        {
            admin.Dispose();
            throw;
        }
    }

    /// <summary>GET a path under the practice; the time until the whole body has arrived, and the body. Anything but 200 is an error.</summary>
    public async Task<(double Milliseconds, string Html)> GetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(Relative(path));
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        return response.StatusCode == HttpStatusCode.OK
            ? (elapsed, body)
            : throw new InvalidOperationException($"GET /{_tenant}/{path} answered {(int)response.StatusCode} {response.Headers.Location}: {Excerpt(body)}");
    }

    /// <summary>The content list for a query string (<c>q=grief&amp;type=Article</c>), and the number of items it says matched.</summary>
    public async Task<(double Milliseconds, int Total)> ListAsync(string query)
    {
        var (elapsed, html) = await GetAsync("admin/content" + (query.Length == 0 ? "" : "?" + query));
        // "7 items", "1,234 items", or "More than 1,000 items" (counted as 1,001).
        return TotalLine().Match(html) is { Success: true } match
            ? (elapsed, int.Parse(match.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) + (match.Groups["more"].Success ? 1 : 0))
            : throw new InvalidOperationException($"The content list for '{query}' does not say how many items matched: {Excerpt(html)}");
    }

    /// <summary>
    /// Opens an item's editor: the time of the GET, the form's fields as a browser would submit them, and the status the
    /// page shows, by its class: <c>published</c>, <c>changed</c> (published, with a draft) or <c>draft</c>.
    /// </summary>
    public async Task<(double Milliseconds, List<KeyValuePair<string, string>> Fields, string Status)> OpenEditorAsync(string contentItemId)
    {
        var (elapsed, html) = await GetAsync("admin/content/" + contentItemId);
        var status = StatusBadge().Match(html) is { Success: true } match
            ? match.Groups["status"].Value
            : throw new InvalidOperationException($"The editor of {contentItemId} shows no status: {Excerpt(html)}");
        return (elapsed, EditorFields(html, contentItemId), status);
    }

    /// <summary>
    /// Posts an editor form back with the button pressed (<c>draft</c>, <c>publish</c>), multipart as the page's form
    /// says; the time until the answer, which must be the 302 of a save; returns where it redirects.
    /// </summary>
    public async Task<(double Milliseconds, string Location)> SaveAsync(string contentItemId, IEnumerable<KeyValuePair<string, string>> fields, string action)
    {
        var answer = await TrySaveAsync(contentItemId, fields, action);
        return answer.Outcome == SaveOutcome.Acknowledged
            ? (answer.Milliseconds, answer.Detail)
            : throw new InvalidOperationException($"Saving {contentItemId} ({action}) answered {answer.Status}: {answer.Detail}");
    }

    /// <summary>
    /// Posts an editor form back as <see cref="SaveAsync"/> does and says how the host answered: the 302 of a save (the
    /// detail is where it redirects), the form again with "someone else saved" (a conflict), or anything else (an
    /// error; the detail is the page's error summary or the start of its body).
    /// </summary>
    public async Task<SaveAnswer> TrySaveAsync(string contentItemId, IEnumerable<KeyValuePair<string, string>> fields, string action)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("action", action)))
        {
            // As a browser sends a text field: no Content-Type of its own.
            var part = new StringContent(value);
            part.Headers.ContentType = null;
            content.Add(part, name);
        }

        var clock = Stopwatch.StartNew();
        using var response = await _client.PostAsync(Relative("admin/content/" + contentItemId), content);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            return new SaveAnswer(SaveOutcome.Acknowledged, status, elapsed, location.OriginalString);
        }

        var errors = ErrorSummary().Match(body) is { Success: true } summary ? WebUtility.HtmlDecode(Regex.Replace(summary.Value, "<[^>]+>", " ")) : Excerpt(body);
        var conflict = response.StatusCode == HttpStatusCode.OK && errors.Contains(ConflictNotice, StringComparison.Ordinal);
        return new SaveAnswer(conflict ? SaveOutcome.Conflict : SaveOutcome.Error, status, elapsed, errors.Trim());
    }

    /// <summary>GET the page a save redirected to (the editor again, with its notice), as the browser does next.</summary>
    public async Task<double> FollowAsync(string location)
    {
        var prefix = "/" + _tenant + "/";
        var path = location.StartsWith(prefix, StringComparison.Ordinal)
            ? location[prefix.Length..]
            : throw new InvalidOperationException($"A save redirected outside the practice: {location}");
        var (elapsed, _) = await GetAsync(path);
        return elapsed;
    }

    public void Dispose() => _client.Dispose();

    private Uri Relative(string path) => new($"{_tenant}/{path}", UriKind.Relative);

    /// <summary>The editor form's successful controls, as HTML's form submission lists them (file inputs aside: none is chosen).</summary>
    private static List<KeyValuePair<string, string>> EditorFields(string html, string contentItemId)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector("form.editor") as IHtmlFormElement
            ?? throw new InvalidOperationException($"The editor of {contentItemId} has no form.editor: {Excerpt(html)}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when string.IsNullOrEmpty(input.Name) || input.IsDisabled:
                    break;
                case IHtmlInputElement input when input.Type is "file" or "submit" or "button" or "reset" or "image":
                    break;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement input:
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        selected.Add(select.Options[0]!);
                    }

                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        return fields;
    }

    private static string Excerpt(string text) => text.Length <= 400 ? text : text[..400] + "…";

    [GeneratedRegex("""name="__RequestVerificationToken" value="(?<value>[^"]*)""")]
    private static partial Regex TokenField();

    // Other attributes may follow (data-status, which the editor's script updates after an autosave).
    [GeneratedRegex("""<span class="status status-(?<status>[a-z]+)" aria-label="Status"[^>]*>""")]
    private static partial Regex StatusBadge();

    [GeneratedRegex("""<p class="muted" role="status">(?<more>More than )?(?<n>[0-9,]+) items?""")]
    private static partial Regex TotalLine();

    [GeneratedRegex("""<div class="error-summary".*?</div>""", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();
}
