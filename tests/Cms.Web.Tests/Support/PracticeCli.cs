using System.Net;
using Cms.Web.Cli;

namespace Cms.Web.Tests.Support;

/// <summary>The operator's CLI run in-process over a test host's data, and a new practice the host already answers for.</summary>
internal sealed class PracticeCli
{
    private readonly CmsFactory _host;

    public PracticeCli(CmsFactory host)
    {
        _host = host;
    }

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CmsCli.RunAsync(args, _host.Settings, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Creates a practice (prefix = name) and waits until the running host serves it (it polls its registry).</summary>
    public async Task CreatePracticeAsync(string name, params string[] options)
    {
        var (code, _, error) = await RunAsync(["tenants", "create", "--name", name, "--prefix", name, .. options]);
        Assert.True(code == 0, error);
        Assert.True(await Eventually.StatusAsync(_host.Client(), $"/{name}/", HttpStatusCode.OK) == HttpStatusCode.OK, $"The host never served the new practice '{name}'.");
    }
}
