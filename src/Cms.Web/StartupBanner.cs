using System.Globalization;
using System.Text;
using Cms.Tenancy;

namespace Cms.Web;

/// <summary>What the console says once the host listens: where the host admin and the practices are, and a first run's password.</summary>
internal static class StartupBanner
{
    // Sets the block apart from the log lines above and below it.
    private static readonly string Rule = new('-', 72);

    public static string Render(ICollection<string> urls, TenantTable table, FirstRunResult? firstRun)
    {
        var baseUrl = urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal)) ?? urls.FirstOrDefault() ?? "http://localhost:5000";
        var uri = new Uri(baseUrl.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));
        var root = uri.GetLeftPart(UriPartial.Authority);
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(Rule);
        text.AppendLine("Practice CMS is running. Press Ctrl+C to stop it.");
        text.AppendLine(CultureInfo.InvariantCulture, $"  Host administration: {root}/admin");
        foreach (var tenant in table.Tenants.Where(t => !t.IsDefault).Take(5))
        {
            var at = tenant.Prefix is not null ? $"{root}/{tenant.Prefix}/" : $"{uri.Scheme}://{tenant.Hosts[0]}:{uri.Port}/";
            text.AppendLine(CultureInfo.InvariantCulture, $"  Practice '{tenant.Name}' ({tenant.State}): {at}{(tenant.Prefix is not null ? $"  and  {uri.Scheme}://{tenant.Name.ToLowerInvariant()}.localhost:{uri.Port}/" : "")}");
        }

        if (table.Tenants.Count > 6)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {table.Tenants.Count - 6} more practices (dotnet run --project src/Cms.Web -- tenants list)");
        }

        if (firstRun?.GeneratedPassword is { } password)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"  Sign in as '{firstRun.AdminUserName}' with the generated password: {password}");
            text.AppendLine("  It is shown only this once; it also signs in to the demo practice. Set Cms:Setup:AdminPassword to choose your own.");
        }

        text.AppendLine(Rule);
        text.AppendLine();
        return text.ToString();
    }
}
