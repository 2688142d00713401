using Cms;
using Cms.Admin;
using Cms.Data;
using Cms.Markdown;
using Cms.Menu;
using Cms.Practice;
using Cms.Tenancy;
using Cms.Web;
using Cms.Web.Cli;

if (!HostArguments.StartTheHost(args))
{
    return await CmsCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.DefaultMaxBytes);
builder.Services.AddCmsCore(builder.Configuration).AddCmsWeb();
builder.Services.AddMarkdownModule(builder.Configuration);
builder.Services.AddPracticeModule(builder.Configuration);
builder.Services.AddMenuModule();
builder.Services.AddCmsAdmin();

var app = builder.Build();
FirstRunResult? firstRun;
try
{
    // The pipeline first: it reads settings of its own (trusted proxies), and a bad one should stop the host before
    // anything is written.
    app.UseCms();
    firstRun = await app.PrepareCmsAsync(app.Lifetime.ApplicationStopping);
}
catch (SettingsProblemException e)
{
    // A setting to fix, not a bug in the program: one line that names it, no stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}

try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // The port was free when checked and taken since: still one line, and the password of a first run is not lost.
    await Console.Error.WriteLineAsync($"error: {e.Message} Choose another port with --urls.{(firstRun?.GeneratedPassword is { } password ? $" Sign in as '{firstRun.AdminUserName}' with the generated password {password} once it runs." : "")}");
    return 1;
}

return 0;

/// <summary>The host's entry point; public so integration tests can start it.</summary>
public partial class Program;
