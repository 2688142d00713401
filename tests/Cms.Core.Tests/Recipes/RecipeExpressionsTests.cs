using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;
using Cms.Recipes.Reading;

namespace Cms.Core.Tests.Recipes;

public sealed class RecipeExpressionsTests
{
    [Fact]
    public void UuidComesFromTheSuppliedGenerator()
    {
        var ids = new SequentialIds();
        using var expressions = new RecipeExpressions(new RecipeExpressionContext { NewId = ids.Next });

        Assert.Equal(["id-1", "id-2"], [expressions.EvaluateValue("[js: uuid()]"), expressions.EvaluateValue("[js:uuid()]")]);
    }

    [Fact]
    public void EvaluatesAVariableOnceAndReusesItInEveryStep()
    {
        var ids = new SequentialIds();
        using var expressions = new RecipeExpressions(new RecipeExpressionContext
        {
            Variables = new JsonObject { ["blogId"] = "[js: uuid()]" },
            NewId = ids.Next,
        });
        var first = JsonNode.Parse("""{ "name": "settings", "HomeRoute": { "ContentItemId": "[js: variables('blogId')]" } }""");
        var second = JsonNode.Parse("""{ "name": "content", "data": [ { "ContentItemId": "[js:variables('BlogId')]" }, "[js: uuid()]" ] }""");

        expressions.EvaluateTree(first, CancellationToken.None);
        expressions.EvaluateTree(second, CancellationToken.None);

        Assert.Equal("id-1", (string?)first!["HomeRoute"]!["ContentItemId"]);
        Assert.Equal("id-1", (string?)second!["data"]![0]!["ContentItemId"]);
        Assert.Equal("id-2", (string?)second["data"]![1]);
    }

    [Theory]
    [InlineData("[js:base64('SGVsbG8=')]", "Hello")]
    [InlineData("[js: html('&lt;p&gt;Tom &amp; Jerry&lt;/p&gt;')]", "<p>Tom & Jerry</p>")]
    [InlineData("[js: 1 + 1]", "2")]
    [InlineData("[js: 1 > 0]", "True")]
    [InlineData("[js: null]", "")]
    [InlineData("[js: var x = 'a'; return x + 'b';]", "ab")]
    [InlineData("[js: tenantname()]", "riverbend")]
    [InlineData("[js: '[js: \\'[js: 40 + 2]\\']']", "42")]
    public void EvaluatesAScriptToAString(string expression, string expected)
    {
        using var expressions = new RecipeExpressions(new RecipeExpressionContext { TenantName = "riverbend" });

        Assert.Equal(expected, expressions.EvaluateValue(expression));
    }

    [Fact]
    public void GzipDecodesBase64ThenDecompresses()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("Hello World!"));
        }

        using var expressions = new RecipeExpressions(new RecipeExpressionContext());

        Assert.Equal("Hello World!", expressions.EvaluateValue($"[js: gzip('{Convert.ToBase64String(compressed.ToArray())}')]"));
    }

    [Fact]
    public void ParametersComeFromTheCaller()
    {
        using var expressions = new RecipeExpressions(new RecipeExpressionContext
        {
            Parameters = new Dictionary<string, object?> { ["AdminUsername"] = "admin", ["SiteName"] = "Riverbend" },
        });

        Assert.Equal("admin", expressions.EvaluateValue("[js: parameters('AdminUsername')]"));
        Assert.Contains("no parameter 'AdminUserId'", Assert.Throws<RecipeExpressionException>(
            () => expressions.EvaluateValue("[js: parameters('AdminUserId')]")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Custom", "Custom")]
    [InlineData(null, "d")]
    public void ConfigurationFallsBackToTheScriptsDefault(string? configured, string expected)
    {
        using var expressions = new RecipeExpressions(new RecipeExpressionContext
        {
            Configuration = key => key == "A:B" ? configured : null,
        });

        Assert.Equal(expected, expressions.EvaluateValue("[js: configuration('A:B','d')]"));
        Assert.Equal(configured ?? "", expressions.EvaluateValue("[js: configuration('A:B')]"));
    }

    [Fact]
    public void RepeatsWhileAVariableGivesAnotherExpression()
    {
        var ids = new SequentialIds();
        using var expressions = new RecipeExpressions(new RecipeExpressionContext
        {
            Variables = new JsonObject { ["inner"] = "[js: uuid()]", ["outer"] = "[js: '[js: variables(\\'inner\\') + \\'!\\']']" },
            NewId = ids.Next,
        });

        Assert.Equal("id-1!", expressions.EvaluateValue("[js: variables('outer')]"));
        Assert.Equal("id-1", expressions.EvaluateValue("[js: variables('inner')]"));
    }

    [Theory]
    [InlineData("[foo]")]
    [InlineData("[1:2]")]
    [InlineData("[:x]")]
    [InlineData("[js: x")]
    [InlineData("js: x]")]
    [InlineData("plain text")]
    [InlineData("[a b:c]")]
    public void LeavesStringsThatAreNotExpressionsAlone(string value)
    {
        using var expressions = new RecipeExpressions(new RecipeExpressionContext());
        var tree = new JsonObject { ["value"] = value, ["list"] = new JsonArray(value, 3, true) };

        expressions.EvaluateTree(tree, CancellationToken.None);

        Assert.Equal(new JsonObject { ["value"] = value, ["list"] = new JsonArray(value, 3, true) }.ToJsonString(), tree.ToJsonString());
    }

    [Fact]
    public void ReplacesARootThatIsItselfAnExpression()
    {
        using var expressions = new RecipeExpressions(new RecipeExpressionContext());

        Assert.Equal("3", (string?)expressions.EvaluateTree(JsonValue.Create("[js: 1 + 2]"), CancellationToken.None));
    }

    [Theory]
    [InlineData("[foo:bar]", "unknown prefix 'foo'")]
    [InlineData("[js: nope()]", "nope is not defined")]
    [InlineData("[js: 1 +]", "script error")]
    [InlineData("[js: variables('missing')]", "no variable 'missing'")]
    [InlineData("[js: variables('loop')]", "depends on itself")]
    [InlineData("[js: base64('not base64!')]", "not base64")]
    [InlineData("[js: while (true) {}]", "stopped")]
    [InlineData("[file:read('x.txt')]", "text('relative/path')")]
    public void ReportsAFailingExpressionWithItsText(string expression, string reason)
    {
        using var expressions = new RecipeExpressions(new RecipeExpressionContext
        {
            Variables = new JsonObject { ["loop"] = "[js: variables('loop')]" },
            ScriptTimeout = TimeSpan.FromSeconds(1),
        });

        var error = Assert.Throws<RecipeExpressionException>(() => expressions.EvaluateValue(expression));

        Assert.Equal(expression, error.Expression);
        Assert.Contains(expression, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsFilesNextToTheRecipe()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("x.txt"), "next to the recipe");
        Directory.CreateDirectory(folder.File("Snippets"));
        File.WriteAllBytes(folder.File("Snippets", "logo.bin"), [1, 2, 3]);
        using var expressions = new RecipeExpressions(new RecipeExpressionContext { RecipeFolder = folder.Path });

        Assert.Equal("next to the recipe", expressions.EvaluateValue("[file:text('x.txt')]"));
        Assert.Equal("AQID", expressions.EvaluateValue("[file: base64('Snippets/logo.bin')]"));
    }

    [Fact]
    public void RefusesFilesOutsideTheRecipesFolder()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("Recipes"));
        File.WriteAllText(folder.File("outside.txt"), "outside");
        using var confined = new RecipeExpressions(new RecipeExpressionContext { RecipeFolder = folder.File("Recipes") });

        Assert.Contains("leads outside the recipe's folder", Assert.Throws<RecipeExpressionException>(
            () => confined.EvaluateValue("[file:text('../outside.txt')]")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultIdsLookLikeOrchardIds()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => Cms.Content.ContentIds.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-z]{26}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task EvaluatesEveryExpressionInTheBlogRecipe()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("Snippets"));
        File.WriteAllText(folder.File("Snippets", "footer.html"), "<footer>stub</footer>");
        var recipe = new RecordingRecipeVisitor();
        await using (var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Recipes", "Fixtures", "OrchardCMS__OrchardCore__blog.recipe.json")))
        {
            await RecipeReader.ReadAsync(file, recipe, CancellationToken.None);
        }

        using var expressions = new RecipeExpressions(new RecipeExpressionContext
        {
            Variables = recipe.Header!["variables"]!.AsObject(),
            Parameters = new Dictionary<string, object?> { ["AdminUsername"] = "admin", ["AdminUserId"] = "adminid" },
            RecipeFolder = folder.Path,
            NewId = new SequentialIds().Next,
        });
        var evaluated = new JsonArray();
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = expressions.EvaluateTree(recipe.Steps[i], CancellationToken.None)!.AsObject();
            step["data"] = new JsonArray([.. recipe.Items[i].Select(item => expressions.EvaluateTree(item, CancellationToken.None))]);
            evaluated.Add(step);
        }

        var text = evaluated.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var blogId = (string?)evaluated.First(step => step!["HomeRoute"] is not null)!["HomeRoute"]!["ContentItemId"];
        Assert.DoesNotContain("[js:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[file:", text, StringComparison.Ordinal);
        Assert.Matches("^id-[0-9]+$", blogId);
        Assert.Contains($"\"Admin/Contents/ContentItems/{blogId}/Display\"", text, StringComparison.Ordinal);
        Assert.Contains("<footer>stub</footer>", text, StringComparison.Ordinal);
        Assert.Contains("\"Owner\":\"adminid\"", text, StringComparison.Ordinal);
    }

    private sealed class SequentialIds
    {
        private int _next;

        public string Next() => $"id-{++_next}";
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cms-recipe-").FullName;

        public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
