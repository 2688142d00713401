using System.Reflection;
using Cms.Tenancy;

namespace Cms.Web.Tests.Architecture;

/// <summary>
/// Issue 12, item 1: no page, endpoint or module says "I changed something"; the content and document layer raises the
/// change itself. Read from the compiled IL of the admin, the web host and the practice module, so an alias or a
/// helper cannot hide a call the way it could from a text search.
/// </summary>
public sealed class ChangeSignalBoundaryTests
{
    private static readonly string[] s_outsideTheLayer = ["Cms.Admin", "Cms.Web", "Cms.Practice"];

    [Fact]
    public void NoAdminPageEndpointOrModuleRaisesAChangeItself()
    {
        var forbidden = ForbiddenMethods();
        Assert.NotEmpty(forbidden);
        var callers = s_outsideTheLayer.Select(Assembly.Load).SelectMany(a => IlCalls.Callers(a, forbidden)).ToList();

        Assert.True(callers.Count == 0, "These call the change signal themselves; the write they follow should raise it:\n" + string.Join("\n", callers));
    }

    // What says "something changed": everything the change service offers, and the registry row's bump.
    private static HashSet<MethodBase> ForbiddenMethods()
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var methods = new HashSet<MethodBase>();
        var changes = typeof(TenantStore).Assembly.GetType("Cms.Tenancy.TenantChanges");
        if (changes is not null)
        {
            methods.UnionWith(changes.GetMethods(All).Where(m => !m.IsPrivate));
        }

        methods.UnionWith(typeof(TenantStore).GetMethods(All).Where(m => m.Name == "TouchAsync"));
        return methods;
    }
}
