using System.Net;
using System.Text.RegularExpressions;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// The real host with the sign-in limits it ships with (the shared test host raises the per-address one) and
/// requests that say which client address they come from: TestServer gives none, so a test header sets it here only.
/// </summary>
internal static partial class SignInHost
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public static WebApplicationFactory<Program> Create(CmsFactory factory, Action<IServiceCollection>? services = null, Dictionary<string, string>? settings = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? [])
            {
                builder.UseSetting(key, value);
            }

            // The host's own default, not the shared test host's raised one.
            builder.UseSetting("Cms:SignIn:AttemptsPerAddressPerMinute", new Cms.Security.SignInLimits().AttemptsPerAddressPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(s =>
            {
                s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>();
                services?.Invoke(s);
            });
        });

    /// <summary>A browser of its own (cookies and all) at the given client address.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> host, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>What a sign-in attempt showed: its status and the page with its one-time tokens and numbers blanked.</summary>
    public static async Task<Answer> AnswerAsync(HttpClient client, string pathBase, string userName, string password)
    {
        using var response = await CmsFactory.SignInAsync(client, pathBase, userName, password);
        var page = await response.Content.ReadAsStringAsync();
        page = Digits().Replace(Token().Replace(page, "value=\"token\""), "N");
        return new Answer(response.StatusCode, response.Headers.Contains("Retry-After"), page);
    }

    [GeneratedRegex("value=\"CfDJ[^\"]+\"")]
    private static partial Regex Token();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    internal sealed record Answer(HttpStatusCode Status, bool SaysWhenToRetry, string Page);

    private sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }
}
