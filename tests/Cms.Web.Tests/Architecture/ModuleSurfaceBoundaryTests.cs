using System.Reflection;
using System.Runtime.CompilerServices;

namespace Cms.Web.Tests.Architecture;

/// <summary>
/// Issue 13, item 1: a module is written against Cms.Core's public surface. Which assemblies still see Core's
/// internals is pinned here, so the list can only shrink: no module does (Markdown, Practice and Menu see none of
/// Core's or the admin's); only the host's own pieces, the admin and the web host, still do.
/// </summary>
public sealed class ModuleSurfaceBoundaryTests
{
    private static readonly string[] s_tests = ["Cms.Core.Tests", "Cms.Web.Tests", "Cms.Markdown.Tests", "Cms.Bench"];
    private static readonly string[] s_stillInside = ["Cms.Web", "Cms.Admin"];

    [Fact]
    public void NoModuleBeyondThoseStillMovingSeesCoresInternals()
    {
        var granted = typeof(Cms.Tenancy.TenantRuntime).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToHashSet();
        var grantedByAdmin = typeof(Cms.Admin.AdminContent).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToHashSet();

        foreach (var module in new[] { "Cms.Markdown", "Cms.Practice", "Cms.Menu" })
        {
            Assert.DoesNotContain(module, granted);
            Assert.DoesNotContain(module, grantedByAdmin);
        }

        Assert.Empty(granted.Except(s_tests).Except(s_stillInside));
    }
}
