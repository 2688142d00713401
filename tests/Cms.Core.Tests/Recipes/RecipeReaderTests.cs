using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Recipes.Reading;

namespace Cms.Core.Tests.Recipes;

public sealed class RecipeReaderTests
{
    // A buffer this small forces a refill for nearly every token and many growths for every item.
    private const int TinyBuffer = 16;

    private static readonly string s_fixtures = Path.Combine(AppContext.BaseDirectory, "Recipes", "Fixtures");

    public static TheoryData<int> BufferSizes => new() { TinyBuffer, RecipeReader.DefaultBufferSize };

    public static TheoryData<string, int> Fixtures
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var file in Directory.EnumerateFiles(s_fixtures, "*.recipe.json").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(file), TinyBuffer);
                data.Add(Path.GetFileName(file), RecipeReader.DefaultBufferSize);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task DeliversHeaderStepsAndItemsInOrderDespiteABomCommentsAndTrailingCommas(int bufferSize)
    {
        const string recipe = """
            // Orchard accepts comments, trailing commas and a BOM.
            {
              "name": "small", /* block comment */
              "displayName": "Small",
              "variables": { "id": "[js:uuid()]", },
              "Steps": [
                { "name": "feature", "enable": ["A", "B",], },
                { "name": "content", "Data": [ { "ContentItemId": "a" }, { "ContentItemId": "b" }, ], "after": 1 },
                { "data": [ 1, 2, ], "name": "late" },
              ],
              "trailing": true,
            }
            """;

        var visitor = await ReadAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(recipe)], bufferSize);

        Assert.Equal(
            [
                "header name,displayName,variables",
                "step 0 feature",
                "end 0",
                "step 1 content",
                """item 1 0 {"ContentItemId":"a"}""",
                """item 1 1 {"ContentItemId":"b"}""",
                "end 1",
                "step 2 late",
                "item 2 0 1",
                "item 2 1 2",
                "end 2",
                "trailing trailing",
            ],
            visitor.Calls);
        Assert.Equal("""{"name":"content","after":1}""", visitor.Steps[1].ToJsonString());
        Assert.Equal("""["A","B"]""", visitor.Steps[0]["enable"]!.ToJsonString());
        Assert.Equal("[js:uuid()]", (string?)visitor.Header!["VARIABLES"]!["id"]);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task ReadsEveryFixtureAsAPlainParseSeesIt(string fixture, int bufferSize)
    {
        var path = Path.Combine(s_fixtures, fixture);
        var plain = JsonNode.Parse(
            await File.ReadAllTextAsync(path),
            new JsonNodeOptions { PropertyNameCaseInsensitive = true },
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var plainSteps = plain["steps"]!.AsArray();

        await using var file = File.OpenRead(path);
        var visitor = new RecordingRecipeVisitor();
        await RecipeReader.ReadAsync(file, visitor, bufferSize, CancellationToken.None);

        Assert.Equal(plainSteps.Select(s => (string?)s!["name"]), visitor.Steps.Select(s => (string?)s["name"]));
        for (var i = 0; i < plainSteps.Count; i++)
        {
            var expectedItems = plainSteps[i]!["data"] as JsonArray ?? [];
            Assert.Equal(expectedItems.Count, visitor.Items[i].Count);
            Assert.All(expectedItems.Zip(visitor.Items[i]), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second)));
        }

        plain.Remove("steps");
        Assert.True(JsonNode.DeepEquals(plain, visitor.Header), "the header differs from the file's top-level properties");
        Assert.Null(visitor.TrailingHeader);
    }

    [Fact]
    public async Task StreamsATwentyThousandItemContentStepWithoutKeepingTheItems()
    {
        const int count = 20_000;
        var path = Path.Combine(Path.GetTempPath(), $"cms-recipe-{Guid.NewGuid():N}.recipe.json");
        try
        {
            await WriteLargeRecipeAsync(path, count);
            var visitor = new ItemTrackingVisitor(count);

            await using (var file = File.OpenRead(path))
            {
                await RecipeReader.ReadAsync(file, visitor, initialBufferSize: 256, CancellationToken.None);
            }

            Assert.Equal(count, visitor.Delivered);
            Assert.Equal(["feature", "content"], visitor.StepNames);
            Assert.True(visitor.EarlierItemsAliveAtMidpoint <= 2, $"{visitor.EarlierItemsAliveAtMidpoint} earlier items were still held halfway through");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task ReportsAMissingCommaInsideAnItemWithItsLineColumnAndPointer(int bufferSize)
    {
        var lines = new List<string> { "{", "  \"name\": \"broken\",", "  \"steps\": [", "    { \"name\": \"feature\", \"enable\": [] },", "    {", "      \"name\": \"content\",", "      \"data\": [" };
        for (var i = 0; i < 8; i++)
        {
            lines.Add(i == 5
                ? $$"""        { "ContentItemId": "i{{i}}" "ContentType": "Page" },"""
                : $$"""        { "ContentItemId": "i{{i}}", "ContentType": "Page" },""");
        }

        lines.AddRange(["      ]", "    }", "  ]", "}"]);
        var brokenLine = lines.FindIndex(l => l.Contains("\"i5\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<RecipeFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(string.Join('\n', lines)), bufferSize));

        Assert.Equal(brokenLine + 1, error.Line);
        Assert.Equal(lines[brokenLine].IndexOf("\"ContentType\"", StringComparison.Ordinal) + 1, error.Column);
        Assert.Equal("/steps/1/data/5", error.Pointer);
        Assert.Contains($"line {brokenLine + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("/steps/1/data/5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BufferSizes))]
    public async Task ReportsATruncatedFileWithTheItemItStopsIn(int bufferSize)
    {
        var recipe = """
            {
              "steps": [
                { "name": "content", "data": [
                  { "ContentItemId": "i0" },
                  { "ContentItemId": "i1" },
                  { "ContentItemId": "i2" },
                  { "ContentItemId": "i3", "DisplayText": "cut h
            """;

        var error = await Assert.ThrowsAsync<RecipeFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(recipe), bufferSize));

        Assert.Equal("/steps/0/data/3", error.Pointer);
        Assert.Equal(7, error.Line);
        Assert.Contains("line 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[ { \"name\": \"feature\" } ]", "a recipe must be a JSON object", 1, 1, null)]
    [InlineData("{\n  \"name\": \"x\",\n  \"steps\": { \"name\": \"feature\" }\n}", "steps must be an array, found an object", 3, 12, "/steps")]
    [InlineData("{\n  \"steps\": [\n    { \"name\": \"a\" },\n    42\n  ]\n}", "a step must be a JSON object, found a number", 4, 5, "/steps/1")]
    [InlineData("{ \"steps\": [ { \"name\": \"a\", \"data\": [], \"DATA\": [] } ] }", "second data property", 1, 41, "/steps/0/DATA")]
    [InlineData("{ \"steps\": [] }\n{ \"steps\": [] }", "after a single JSON value", 2, 1, null)]
    public async Task RejectsABadlyShapedRecipeSayingWhatAndWhere(string recipe, string reason, int line, int column, string? jsonPointer)
    {
        foreach (var bufferSize in new[] { TinyBuffer, RecipeReader.DefaultBufferSize })
        {
            var error = await Assert.ThrowsAsync<RecipeFormatException>(() => ReadAsync(Encoding.UTF8.GetBytes(recipe), bufferSize));

            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
            Assert.Equal((line, column, jsonPointer), (error.Line, error.Column, error.Pointer));
        }
    }

    [Fact]
    public async Task LetsAVisitorExceptionThroughUnchanged()
    {
        var recipe = Encoding.UTF8.GetBytes("""{ "steps": [ { "name": "content", "data": [ 1, 2, 3 ] } ] }""");
        var visitor = new StoppingVisitor();

        await Assert.ThrowsAsync<JsonException>(() => RecipeReader.ReadAsync(new MemoryStream(recipe), visitor, CancellationToken.None));

        Assert.Equal(2, visitor.ItemsSeen);
    }

    private static async Task<RecordingRecipeVisitor> ReadAsync(byte[] recipe, int bufferSize)
    {
        var visitor = new RecordingRecipeVisitor();
        await RecipeReader.ReadAsync(new MemoryStream(recipe), visitor, bufferSize, CancellationToken.None);
        return visitor;
    }

    private static async Task WriteLargeRecipeAsync(string path, int count)
    {
        await using var file = File.Create(path);
        await using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("name", "large");
        json.WriteStartArray("steps");
        json.WriteStartObject();
        json.WriteString("name", "feature");
        json.WriteStartArray("enable");
        json.WriteStringValue("OrchardCore.Contents");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("name", "content");
        json.WriteStartArray("data");
        for (var i = 0; i < count; i++)
        {
            json.WriteStartObject();
            json.WriteString("ContentItemId", $"item-{i}");
            json.WriteString("ContentType", "Article");
            json.WriteString("DisplayText", $"Article {i}");
            json.WriteStartObject("MarkdownBodyPart");
            json.WriteString("Markdown", new string('x', 400 + (i % 7 * 100)));
            json.WriteEndObject();
            json.WriteEndObject();
            if (i % 1000 == 0)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Checks items arrive in order, and halfway through, how many earlier items are still reachable.</summary>
    private sealed class ItemTrackingVisitor(int count) : IRecipeVisitor
    {
        private readonly WeakReference<JsonNode>[] _items = new WeakReference<JsonNode>[count];

        public int Delivered { get; private set; }

        public List<string?> StepNames { get; } = [];

        public int EarlierItemsAliveAtMidpoint { get; private set; } = -1;

        public ValueTask OnHeaderAsync(JsonObject header, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask OnStepAsync(int index, JsonObject step, CancellationToken ct)
        {
            StepNames.Add((string?)step["name"]);
            return ValueTask.CompletedTask;
        }

        public ValueTask OnStepItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct)
        {
            Assert.Equal(Delivered, itemIndex);
            Assert.Equal($"item-{itemIndex}", (string?)item!["ContentItemId"]);
            _items[itemIndex] = new WeakReference<JsonNode>(item);
            Delivered++;
            if (itemIndex == count / 2)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                EarlierItemsAliveAtMidpoint = _items.Take(itemIndex).Count(w => w.TryGetTarget(out _));
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask OnStepEndAsync(int index, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask OnTrailingHeaderAsync(JsonObject header, CancellationToken ct) => ValueTask.CompletedTask;
    }

    /// <summary>Stops the read at the second item the way a step handler would: by throwing.</summary>
    private sealed class StoppingVisitor : IRecipeVisitor
    {
        public int ItemsSeen { get; private set; }

        public ValueTask OnHeaderAsync(JsonObject header, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask OnStepAsync(int index, JsonObject step, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask OnStepItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct) =>
            ++ItemsSeen == 2 ? throw new JsonException("the handler refused this item") : ValueTask.CompletedTask;

        public ValueTask OnStepEndAsync(int index, CancellationToken ct) => ValueTask.CompletedTask;

        public ValueTask OnTrailingHeaderAsync(JsonObject header, CancellationToken ct) => ValueTask.CompletedTask;
    }
}
