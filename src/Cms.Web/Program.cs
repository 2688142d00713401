using Cms;
using Cms.Admin;
using Cms.Data;
using Cms.Markdown;
using Cms.Menu;
using Cms.Practice;
using Cms.Web;
using Cms.Web.Cli;

if (CmsCli.Handles(args))
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
try
{
    // The pipeline first: it reads settings of its own (trusted proxies), and a bad one should stop the host before
    // anything is written.
    app.UseCms();
    await app.PrepareCmsAsync(app.Lifetime.ApplicationStopping);
}
catch (SettingsProblemException e)
{
    // A setting to fix, not a bug in the program: one line that names it, no stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The host's entry point; public so integration tests can start it.</summary>
public partial class Program;
