using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Execution;
using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;
using TestRecipes = Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>Issue 10, item 3: a recipe reads only files inside its own folder, and the media it brings are checked as uploads are.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class RecipeFilePathTests : IAsyncLifetime
{
    // A real PNG outside the recipe's folder: only the path rule can keep it out, not the image check.
    private static readonly byte[] s_secretImage = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "SECRET-OUTSIDE"u8];

    // A whole image (1×1 PNG): media are decoded before they are stored.
    private static readonly byte[] s_photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly string _root = Directory.CreateTempSubdirectory("cms-recipe-paths-").FullName;
    private TestStorage _storage = null!;
    private ServiceProvider _services = null!;
    private RecipeTenant _tenant = null!;

    private string Folder => Path.Combine(_root, "recipe");

    private string Secret => Path.Combine(_root, "secret.png");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Secret, s_secretImage);
        _storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        _services = await _storage.StartAsync();
        _tenant = await RecipeTenant.CreateAsync(_services, "paths");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _storage.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("../secret.png", "outside the recipe's folder")]
    [InlineData("images/../../secret.png", "outside the recipe's folder")]
    [InlineData("{absolute}", "absolute")]
    [InlineData("linked.png", "link")]
    [InlineData("linked-folder/secret.png", "link")]
    public async Task AMediaSourcePathOutsideTheFolderIsNeverRead(string sourcePath, string reason)
    {
        CreateLinks();
        var recipe = await WriteRecipeAsync($$"""{ "name": "media", "Files": [ { "SourcePath": "{{Resolve(sourcePath)}}", "TargetPath": "leak.png" } ] }""");

        var lenient = await _tenant.ImportAsync(recipe);
        var strict = await _tenant.ImportAsync(recipe, new RecipeOptions { Strict = true });

        var warning = Assert.Single(lenient.Warnings, w => w.Location == "/steps/0/Files/0/SourcePath");
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Contains("not imported", warning.Message, StringComparison.Ordinal);
        Assert.Equal(0, warning.Step);
        Assert.Contains(strict.Errors, e => e.Location == "/steps/0/Files/0/SourcePath");
        Assert.False(strict.Applied);
        Assert.False(File.Exists(MediaFile("leak.png")));
    }

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("{absolute}")]
    [InlineData("linked.png")]
    [InlineData("linked-folder/secret.png")]
    public async Task AFileExpressionOutsideTheFolderIsNeverRead(string path)
    {
        CreateLinks();
        var recipe = await WriteRecipeAsync($$"""{ "name": "custom-settings", "Leak": { "Text": "[file:text('{{Resolve(path)}}')]", "Data": "[file:base64('{{Resolve(path)}}')]" } }""");

        var result = await _tenant.ImportAsync(recipe);

        Assert.Contains(result.Warnings, w => w.Location.StartsWith("/steps/0", StringComparison.Ordinal) && w.Message.Contains(Resolve(path), StringComparison.Ordinal));
        var stored = (await _tenant.DocumentAsync(RecipeDocuments.CustomSettings))?.ToJsonString() ?? "";
        Assert.DoesNotContain("SECRET", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(s_secretImage), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecipeWithoutAFolderReadsNoFileAndSaysWhy()
    {
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(
            """{ "name": "media", "Files": [ { "SourcePath": "images/a.png", "TargetPath": "a.png" } ] }""",
            """{ "name": "custom-settings", "Footer": { "Html": "[file:text('footer.html')]" } }"""));

        Assert.Contains(result.Warnings, w => w.Location == "/steps/0/Files/0/SourcePath" && w.Message.Contains("without a folder", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Location.StartsWith("/steps/1", StringComparison.Ordinal) && w.Message.Contains("without a folder", StringComparison.Ordinal));
        Assert.False(File.Exists(MediaFile("a.png")));
    }

    [Fact]
    public async Task TakesAnImageInsideTheFolder()
    {
        Directory.CreateDirectory(Path.Combine(Folder, "images"));
        await File.WriteAllBytesAsync(Path.Combine(Folder, "images", "photo.png"), s_photo);
        var recipe = await WriteRecipeAsync("""{ "name": "media", "Files": [ { "SourcePath": "images/photo.png", "TargetPath": "people/photo.png" }, { "SourcePath": "images/./../images/photo.png", "TargetPath": "again.png" } ] }""");

        var result = await _tenant.ImportAsync(recipe);

        Assert.True(result.Applied, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
        Assert.Equal(s_photo, await File.ReadAllBytesAsync(MediaFile("people/photo.png")));
        Assert.True(File.Exists(MediaFile("again.png")));
    }

    [Theory]
    [InlineData("notes.png", "root:x:0:0:root:/root:/bin/bash\n", "leak.png", "not really a PNG")]
    [InlineData("page.gif", "<html><script>alert(1)</script></html>", "page.gif", "not really a GIF")]
    [InlineData("tool.exe", "MZ", "tool.png", "not really a PNG")]
    public async Task RefusesMediaThatIsNotTheImageItsNameSays(string file, string content, string target, string reason)
    {
        await File.WriteAllTextAsync(Path.Combine(Folder, file), content);
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(content));
        var recipe = await WriteRecipeAsync(
            $$"""{ "name": "media", "Files": [ { "SourcePath": "{{file}}", "TargetPath": "{{target}}" }, { "Base64": "{{base64}}", "TargetPath": "inline-{{target}}" } ] }""",
            TestRecipes.ArticleDefinition);

        var result = await _tenant.ImportAsync(recipe);

        foreach (var pointer in new[] { "/steps/0/Files/0/SourcePath", "/steps/0/Files/1/Base64" })
        {
            Assert.Contains(result.Errors, e => e.Location == pointer && e.Step == 0 && e.Message.Contains(reason, StringComparison.Ordinal));
        }

        Assert.False(result.Applied);
        Assert.False(File.Exists(MediaFile(target)));
        Assert.False(File.Exists(MediaFile("inline-" + target)));
        Assert.Null((await _tenant.DefinitionsAsync()).FindType("Article"));
    }

    [Fact]
    public async Task LeavesOutMediaOfATypeTheLibraryDoesNotTake()
    {
        await File.WriteAllTextAsync(Path.Combine(Folder, "logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
        var recipe = await WriteRecipeAsync("""{ "name": "media", "Files": [ { "SourcePath": "logo.svg", "TargetPath": "logo.svg" }, { "Base64": "PHN2Zy8+", "TargetPath": "inline.svg" } ] }""");

        var lenient = await _tenant.ImportAsync(recipe);
        var strict = await _tenant.ImportAsync(recipe, new RecipeOptions { Strict = true });

        Assert.True(lenient.Applied);
        Assert.Contains(lenient.Warnings, w => w.Location == "/steps/0/Files/0/TargetPath" && w.Message.Contains("not an image this site takes", StringComparison.Ordinal));
        Assert.Contains(lenient.Warnings, w => w.Location == "/steps/0/Files/1/TargetPath");
        Assert.Contains(strict.Errors, e => e.Location == "/steps/0/Files/0/TargetPath");
        Assert.False(File.Exists(MediaFile("logo.svg")));
        Assert.False(File.Exists(MediaFile("inline.svg")));
    }

    [Fact]
    public async Task RefusesMediaLargerThanAnUpload()
    {
        var large = new byte[Cms.Media.AcceptedMedia.MaxBytes + 1];
        s_secretImage.CopyTo(large, 0);
        await File.WriteAllBytesAsync(Path.Combine(Folder, "large.png"), large);
        var recipe = await WriteRecipeAsync("""{ "name": "media", "Files": [ { "SourcePath": "large.png", "TargetPath": "large.png" } ] }""");

        var result = await _tenant.ImportAsync(recipe);

        Assert.Contains(result.Errors, e => e.Location == "/steps/0/Files/0/SourcePath" && e.Message.Contains("at most 5 MB", StringComparison.Ordinal));
        Assert.False(File.Exists(MediaFile("large.png")));
    }

    private void CreateLinks()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "linked.png"), Secret);
        Directory.CreateSymbolicLink(Path.Combine(Folder, "linked-folder"), _root);
    }

    private string Resolve(string path) => path == "{absolute}" ? Secret : path;

    private string MediaFile(string relative) =>
        Path.Combine(_services.GetRequiredService<CmsDatabase>().TenantFolder(_tenant.Tenant.Name), "Media", relative);

    private async Task<string> WriteRecipeAsync(params string[] steps)
    {
        var file = Path.Combine(Folder, "test.recipe.json");
        await File.WriteAllTextAsync(file, TestRecipes.Recipe(steps));
        return file;
    }
}
