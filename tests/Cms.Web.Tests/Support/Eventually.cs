using System.Net;

namespace Cms.Web.Tests.Support;

/// <summary>
/// Waits for what another part of the system does in its own time (the host's registry poll after a CLI command, a
/// change pushed between nodes): asks again every 50 ms until the answer is the one wanted or the patience runs out.
/// The patience is long, since a loaded machine is slow, and costs nothing when the answer comes at once.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The first answer that is wanted, or the last one asked when the patience ran out.</summary>
    public static async Task<T> AnswerAsync<T>(Func<Task<T>> ask, Func<T, bool> wanted, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? Patience);
        var answer = await ask();
        while (!wanted(answer) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            answer = await ask();
        }

        return answer;
    }

    /// <summary>The status of the page once it is the one wanted (or the last seen).</summary>
    public static Task<HttpStatusCode> StatusAsync(HttpClient client, string path, HttpStatusCode wanted) =>
        AnswerAsync(async () => (await client.GetAsync(path)).StatusCode, status => status == wanted);
}
