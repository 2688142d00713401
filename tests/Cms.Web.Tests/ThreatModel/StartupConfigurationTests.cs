using System.Text.RegularExpressions;
using Cms.Core.Tests.Support;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 7 (start-up) and item 9 (the role check at start): a storage setting that cannot work stops the web
/// host and the CLI with one readable line naming the setting, exit code 1 and no stack trace, before anything is written.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed partial class StartupConfigurationTests : IDisposable
{
    // The built host (the same program is the CLI when given a verb), started as an operator would, on the suite's
    // provider unless the case is about it.
    private readonly BuiltProgram _program = new();

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in new[] { "connection string that does not parse", "empty connection string", "unknown provider", "unreachable server", "data folder is a file", "data folder below a file", "role that bypasses row-level security" })
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        // Only the web host writes absolute links.
        data.Add("public address with a path", false);
        data.Add("trusted proxy that is not an address", false);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task ASettingThatCannotWorkIsOneLineAndExitCodeOne(string problem, bool cli)
    {
        var file = Path.Combine(_program.Folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "a file");
        var (settings, expected) = problem switch
        {
            "connection string that does not parse" => (Postgres("Host=localhost;Colour=blue"), "Cms:Database:ConnectionString is not a valid PostgreSQL connection string"),
            "empty connection string" => (Postgres(""), "Cms:Database:ConnectionString is empty"),
            "unknown provider" => (new Dictionary<string, string> { ["Cms__Database__Provider"] = "Mysql" }, "'Cms:Database:Provider'"),
            "unreachable server" => (Postgres("Host=127.0.0.1;Port=1;Username=cms;Password=secret-1;Database=cms;Timeout=5"), "Cms:Database:ConnectionString: the PostgreSQL server at 127.0.0.1:1 cannot be reached"),
            "data folder is a file" => (new Dictionary<string, string> { ["Cms__DataPath"] = file }, $"Cms:DataPath is '{file}', which is not a folder this program can write to"),
            "data folder below a file" => (new Dictionary<string, string> { ["Cms__DataPath"] = Path.Combine(file, "App_Data") }, "which is not a folder this program can write to"),
            "public address with a path" => (new Dictionary<string, string> { ["Cms__DataPath"] = Path.Combine(_program.Folder, "data"), ["Cms__PublicAddress__BaseUrl"] = "https://practices.example.com/sites" },
                "Cms:PublicAddress:BaseUrl 'https://practices.example.com/sites' must be an http or https address without a path"),
            "trusted proxy that is not an address" => (new Dictionary<string, string> { ["Cms__DataPath"] = Path.Combine(_program.Folder, "data"), ["Cms__TrustedProxies"] = "10.0.0.1, proxy.example" },
                "Cms:TrustedProxies: 'proxy.example' is neither an IP address nor a network such as 10.0.0.0/8."),
            _ => (Postgres(BypassRole()), "logs in as 'cms_ci_bypass', a role with BYPASSRLS"),
        };

        var (code, output, error) = await _program.RunAsync(cli ? ["tenants", "list"] : [], settings);

        Assert.True(code == 1, $"exit code {code}; stdout: {output}; stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-1", line, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(output + error), $"a stack trace was printed: {output}{error}");
        Assert.Equal(["not-a-folder"], Directory.EnumerateFileSystemEntries(_program.Folder).Select(Path.GetFileName));
    }

    public void Dispose() => _program.Dispose();

    private static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["Cms__Database__Provider"] = "Postgres",
        ["Cms__Database__ConnectionString"] = connectionString,
    };

    private static string BypassRole()
    {
        var role = Environment.GetEnvironmentVariable(PostgresTestDatabase.BypassRoleVariable);
        Skip.If(string.IsNullOrWhiteSpace(role), $"Set {PostgresTestDatabase.BypassRoleVariable} (.ci/run does) to run this case.");
        return role;
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
