using System.Reflection;

namespace Cms.Web.Tests.Architecture;

/// <summary>
/// Issue 13, item 6: the clock is read through <see cref="TimeProvider"/> everywhere, so a test (or a node whose clock
/// is managed) sets the time for scheduling, sessions and stored changes alike. Read from the compiled IL.
/// </summary>
public sealed class ClockReadTests
{
    private static readonly string[] s_product = ["Cms.Core", "Cms.Admin", "Cms.Web", "Cms.Practice", "Cms.Markdown"];

    [Fact]
    public void NothingReadsTheWallClockButTheTimeProvider()
    {
        HashSet<MethodBase> clock =
        [
            typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!.GetMethod!,
            typeof(DateTime).GetProperty(nameof(DateTime.Now))!.GetMethod!,
            typeof(DateTime).GetProperty(nameof(DateTime.Today))!.GetMethod!,
            typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!.GetMethod!,
            typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!.GetMethod!,
        ];

        var readers = s_product.Select(Assembly.Load).SelectMany(a => IlCalls.Callers(a, clock)).ToList();

        Assert.True(readers.Count == 0, "These read the wall clock; take the time from TimeProvider:\n" + string.Join("\n", readers));
    }
}
