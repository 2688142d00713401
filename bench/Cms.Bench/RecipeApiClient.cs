using System.Net;
using System.Text;
using System.Text.Json;

namespace Cms.Bench;

/// <summary>A practice's recipe API (<c>POST /{tenant}/api/recipes</c>) called with the host's API key, as a deployment script would.</summary>
internal sealed class RecipeApiClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _apiKey;

    public RecipeApiClient(Uri baseAddress, string apiKey)
    {
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _apiKey = apiKey;
    }

    /// <summary>Imports a recipe into the practice; anything but an applied import is an error, with the host's report.</summary>
    public async Task ImportAsync(string tenant, string recipe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{tenant}/api/recipes") { Content = new StringContent(recipe, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", _apiKey);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !Applied(body))
        {
            throw new InvalidOperationException($"The recipe import into {tenant} answered {(int)response.StatusCode}: {body}");
        }
    }

    public void Dispose() => _client.Dispose();

    private static bool Applied(string report)
    {
        using var json = JsonDocument.Parse(report);
        return json.RootElement.TryGetProperty("applied", out var applied) && applied.GetBoolean();
    }
}
