using Cms.Core.Tests.Support;
using Cms.Data;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// A recipe's media file named with a line break is refused by pointer, and nothing is imported: no library file has one,
/// and the list of files a version names (one a line) could not name it, so the media page would call it unused.
/// </summary>
public sealed class MediaPathLineBreakTests
{
    [Fact]
    public async Task AMediaPathWithALineBreakIsRefusedAndNothingIsImported()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "breaks");
        var before = await tenant.SnapshotAsync();

        var result = await tenant.ImportTextAsync(Recipe(
            """{ "name": "media", "Files": [ { "TargetPath": "team/dana\n.png", "Base64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" } ] }"""));

        var problem = Assert.Single(result.Errors);
        Assert.False(result.Applied);
        Assert.Equal("/steps/0/Files/0/TargetPath", problem.Location);
        Assert.Contains("line break", problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await tenant.SnapshotAsync());
    }
}
