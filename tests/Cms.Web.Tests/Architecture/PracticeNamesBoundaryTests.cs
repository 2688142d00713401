using System.Reflection;

namespace Cms.Web.Tests.Architecture;

/// <summary>
/// Issue 13, item 2: the core and the admin know no practice type; the Practice module brings its types, feature,
/// theme and pages through the module surface. Read from the compiled IL (every string the code uses, Razor views
/// included), so a name cannot hide in a switch or a constant.
/// </summary>
public sealed class PracticeNamesBoundaryTests
{
    private static readonly string[] s_practiceNames = ["Cms.Practice", "PracticeSettings", "Series", "Counselor", "Article", "Membership"];

    [Theory]
    [InlineData("Cms.Core")]
    [InlineData("Cms.Admin")]
    public void NamesNoPracticeType(string assemblyName)
    {
        var named = IlCalls.Strings(Assembly.Load(assemblyName)).Where(s => s_practiceNames.Contains(s.Text)).Select(s => $"{s.Method}: \"{s.Text}\"").Distinct().ToList();

        Assert.True(named.Count == 0, "These name a practice type; the Practice module should bring it:\n" + string.Join("\n", named));
    }
}
