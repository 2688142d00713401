using System.Text;
using Cms.Core.Tests.Recipes;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Execution;
using Cms.Recipes.Reading;
using Microsoft.Extensions.DependencyInjection;
using TestRecipes = Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 7: a value of the wrong kind, a value too large to hold, or an item given twice is an error at its
/// JSON pointer, never a crash, and changes nothing.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class RecipeBadInputTests : IAsyncLifetime
{
    private const string Title = "\"TitlePart\": { \"Title\": \"T\" }";
    private const string Subtitle = "\"Subtitle\": { \"Text\": \"S\" }";

    private TestStorage _storage = null!;
    private ServiceProvider _services = null!;
    private RecipeTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        _services = await _storage.StartAsync();
        _tenant = await RecipeTenant.CreateAsync(_services, "badinput");
        Assert.True((await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.ArticleDefinition))).Applied);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Theory]
    [InlineData($"{Title}, \"Article\": \"nope\"", "/Article")]
    [InlineData($"{Title}, \"Article\": [ \"nope\" ]", "/Article")]
    [InlineData($"{Title}, \"Article\": 5", "/Article")]
    [InlineData($"\"TitlePart\": \"T\", \"Article\": {{ {Subtitle} }}", "/TitlePart")]
    [InlineData($"{Title}, \"Article\": {{ \"Subtitle\": \"S\" }}", "/Article/Subtitle")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Related\": \"x\" }}", "/Article/Related")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Related\": [ \"x\" ] }}", "/Article/Related")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Related\": {{ \"ContentItemIds\": \"x\" }} }}", "/Article/Related")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Related\": {{ \"ContentItemIds\": [ 5 ] }} }}", "/Article/Related")]
    [InlineData($"{Title}, \"Article\": {{ \"Subtitle\": {{ \"Text\": 5 }} }}", "/Article/Subtitle")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Excerpt\": \"x\" }}", "/Article/Excerpt")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Part\": {{ \"Value\": [ 1 ] }} }}", "/Article/Part")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Image\": {{ \"Paths\": \"a.png\" }} }}", "/Article/Image")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle}, \"Sensitive\": {{ \"Value\": \"yes\" }} }}", "/Article/Sensitive")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle} }}, \"MarkdownBodyPart\": \"text\"", "/MarkdownBodyPart")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle} }}, \"MarkdownBodyPart\": {{ \"Markdown\": 5 }}", "/MarkdownBodyPart/Markdown")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle} }}, \"ContainedPart\": \"x\"", "/ContainedPart")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle} }}, \"ContainedPart\": [ {{ \"ListContentItemId\": \"x\" }} ]", "/ContainedPart")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle} }}, \"Latest\": \"yes\"", "/Latest")]
    [InlineData($"{Title}, \"Article\": {{ {Subtitle} }}, \"DisplayText\": {{ }}", "/DisplayText")]
    public async Task AValueOfTheWrongKindIsAnErrorAtItsPlace(string parts, string place)
    {
        var item = $$"""{ "ContentItemId": "wrongkind", "ContentType": "Article", {{parts}} }""";

        var checkedOnly = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.ArticleDefinition, TestRecipes.Items(item)), new RecipeOptions { DryRun = true });
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.ArticleDefinition, TestRecipes.Items(item)));

        Assert.Contains(result.Errors, e => e.Location == "/steps/1/data/0" + place && e.Step == 1);
        Assert.False(result.Applied);
        Assert.DoesNotContain(await _tenant.ItemsAsync(), i => i.ContentItemId == "wrongkind");
        // The check runs the rules the import runs (issue 14, item 3): what a field holds is found before anything is stored.
        Assert.Contains(checkedOnly.Errors, e => e.Location == "/steps/1/data/0" + place);
    }

    [Fact]
    public async Task AnItemThatIsNotAnObjectIsAnError()
    {
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.Items("\"nope\"", "[ 1 ]")));

        Assert.Contains(result.Errors, e => e.Location == "/steps/0/data/0");
        Assert.Contains(result.Errors, e => e.Location == "/steps/0/data/1");
    }

    [Theory]
    [InlineData("\"TitlePart\": { \"Title\": \"bad \xFF\xFE text\" }", "/steps/1/data/0/TitlePart/Title")]
    [InlineData("\"TitlePart\": { \"Ti\xFFtle\": \"T\" }", "/steps/1/data/0/TitlePart")]
    [InlineData("\"TitlePart\": { \"Title\": \"half a pair \\ud800 here\" }", "/steps/1/data/0/TitlePart/Title")]
    [InlineData("\"TitlePart\": { \"Title\": \"\\udc00 alone\" }", "/steps/1/data/0/TitlePart/Title")]
    public async Task TextThatIsNotUnicodeIsAnErrorAtItsPlace(string part, string place)
    {
        // The bytes as given: '\xFF' stands for that byte, which no UTF-8 text has.
        var recipe = TestRecipes.Recipe(TestRecipes.ArticleDefinition, TestRecipes.Items($$"""{ "ContentItemId": "notutf8", "ContentType": "Article", {{part}} }"""));
        var bytes = recipe.Select(c => (byte)c).ToArray();
        var source = new RecipeSource("bytes.recipe.json", () => new MemoryStream(bytes), null);

        var result = (await _services.GetRequiredService<Cms.Recipes.TenantRecipes>().ImportAsync(_tenant.Tenant.Name, source, new RecipeOptions(), default))!;

        var error = Assert.Single(result.Errors);
        Assert.Equal(place, error.Location);
        Assert.Equal(1, error.Step);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _tenant.ItemsAsync());
    }

    [Fact]
    public async Task RefusesTheSameItemTwiceInOneStep()
    {
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.Items(Item("twice", null, "First"), Item("twice", null, "Second"))));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/0/data/1/ContentItemId", error.Location);
        Assert.Contains("/steps/0/data/0", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _tenant.ItemsAsync());
    }

    [Fact]
    public async Task RefusesTheSameItemInTwoContentSteps()
    {
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.Items(Item("again", "again-v1", "First")), TestRecipes.Items(Item("again", null, "Second"))));

        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/1/data/0/ContentItemId", error.Location);
        Assert.Contains("/steps/0/data/0", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _tenant.ItemsAsync());
    }

    [Fact]
    public async Task RefusesTheSameVersionTwice()
    {
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.Items(Item("one", "shared-v", "One"), Item("two", "shared-v", "Two"), Item("one", "shared-v", "One again"))));

        Assert.Contains(result.Errors, e => e.Location == "/steps/0/data/1/ContentItemVersionId" && e.Message.Contains("/steps/0/data/0", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Location == "/steps/0/data/2/ContentItemVersionId" && e.Message.Contains("/steps/0/data/0", StringComparison.Ordinal));
        Assert.Empty(await _tenant.ItemsAsync());
    }

    [Fact]
    public async Task TakesTwoVersionsOfOneItem()
    {
        var published = Item("versions", "versions-v1", "Published", latest: false, published: true);
        var draft = Item("versions", "versions-v2", "Draft", latest: true, published: false);

        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.Items(published, draft)));

        Assert.True(result.Applied, string.Join("\n", result.Errors));
        Assert.Equal(["versions-v1", "versions-v2"], (await _tenant.ItemsAsync()).Select(i => i.ContentItemVersionId));
    }

    [Fact]
    public async Task RefusesAStringLongerThanTheLimitWithoutReadingItAll()
    {
        await using var stream = new GeneratedRecipe("""{ "steps": [ { "name": "content", "data": [ { "ContentItemId": "big", "ContentType": "Article", "MarkdownBodyPart": { "Markdown": "#" } } ] } ] }""", 200L * 1024 * 1024);

        var error = await Assert.ThrowsAsync<RecipeFormatException>(() => RecipeReader.ReadAsync(stream, new RecordingRecipeVisitor(), default));

        Assert.Equal("/steps/0/data/0/MarkdownBodyPart/Markdown", error.Pointer);
        Assert.Equal(0, error.Step);
        Assert.Contains("8 MB", error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead <= RecipeLimits.MaxValueBytes + RecipeReader.DefaultBufferSize, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task AnImportRefusesAStringJustOverTheLimitAtItsPlace()
    {
        var file = Path.Combine(_storage.DataPath, "big.recipe.json");
        await using (var output = File.Create(file))
        {
            await new GeneratedRecipe($$"""{ "steps": [ { "name": "content", "data": [ { "ContentItemId": "big", "ContentType": "Article", {{Title}}, "Article": { {{Subtitle}} }, "MarkdownBodyPart": { "Markdown": "#" } } ] } ] }""", RecipeLimits.MaxStringBytes + 1).CopyToAsync(output);
        }

        var result = await _tenant.ImportAsync(file);

        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/0/data/0/MarkdownBodyPart/Markdown", error.Location);
        Assert.Equal(0, error.Step);
        Assert.Contains("8 MB", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _tenant.ItemsAsync());
    }

    [Fact]
    public async Task ReadsAStringOfExactlyTheLimit()
    {
        await using var stream = new GeneratedRecipe("""{ "steps": [ { "name": "custom-settings", "Big": "#" } ] }""", RecipeLimits.MaxStringBytes);
        var recipe = new RecordingRecipeVisitor();

        await RecipeReader.ReadAsync(stream, recipe, default);

        Assert.Equal(RecipeLimits.MaxStringBytes, recipe.Steps[0]["Big"]!.GetValue<string>().Length);
    }

    [Theory]
    [InlineData("""{ "steps": [ { "name": "content", "data": [ { "ContentItemId": "i", "A": "#", "B": "#", "C": "#" } ] } ] }""", "/steps/0/data/0")]
    [InlineData("""{ "steps": [ { "name": "custom-settings", "A": "#", "B": "#", "C": "#" } ] }""", "/steps/0")]
    [InlineData("""{ "steps": [ { "data": [ "#", "#", "#" ], "name": "content" } ] }""", "/steps/0")]
    [InlineData("""{ "a": "#", "b": "#", "c": "#", "steps": [] }""", "")]
    public async Task RefusesWhatWouldBeHeldAtOnceBeyondTheLimit(string shape, string place)
    {
        // Three strings, each within the string limit, that together pass the limit of what is held at once.
        var third = RecipeLimits.MaxValueBytes / 3 + 1;
        await using var stream = new GeneratedRecipe(shape, third, third, third);

        var error = await Assert.ThrowsAsync<RecipeFormatException>(() => RecipeReader.ReadAsync(stream, new RecordingRecipeVisitor(), default));

        Assert.StartsWith(place, error.Pointer ?? "", StringComparison.Ordinal);
        Assert.Contains("16 MB", error.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead <= 2L * RecipeLimits.MaxValueBytes, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task RefusesAPropertyNameLongerThanTheLimit()
    {
        await using var stream = new GeneratedRecipe("""{ "steps": [ { "name": "custom-settings", "#": 1 } ] }""", RecipeLimits.MaxStringBytes + 1);

        var error = await Assert.ThrowsAsync<RecipeFormatException>(() => RecipeReader.ReadAsync(stream, new RecordingRecipeVisitor(), default));

        Assert.Equal("/steps/0", error.Pointer);
        Assert.Contains("8 MB", error.Message, StringComparison.Ordinal);
    }

    private static string Item(string id, string? versionId, string title, bool latest = true, bool published = true) => $$"""
        { "ContentItemId": "{{id}}", {{(versionId is null ? "" : $"\"ContentItemVersionId\": \"{versionId}\",")}} "ContentType": "Article",
          "Latest": {{(latest ? "true" : "false")}}, "Published": {{(published ? "true" : "false")}},
          "TitlePart": { "Title": "{{title}}" }, "Article": { {{Subtitle}} } }
        """;

    /// <summary>A recipe made up as it is read, never held whole: the template with each '#' replaced by a run of 'a' of the given length.</summary>
    private sealed class GeneratedRecipe : Stream
    {
        private readonly List<(byte[]? Text, long Filler)> _pieces = [];
        private int _piece;
        private long _offset;

        public GeneratedRecipe(string template, params long[] runs)
        {
            var texts = template.Split('#');
            Assert.Equal(texts.Length - 1, runs.Length);
            for (var i = 0; i < texts.Length; i++)
            {
                _pieces.Add((Encoding.UTF8.GetBytes(texts[i]), 0));
                if (i < runs.Length)
                {
                    _pieces.Add((null, runs[i]));
                }
            }
        }

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_piece < _pieces.Count)
            {
                var (text, filler) = _pieces[_piece];
                var left = text is null ? filler - _offset : text.Length - _offset;
                if (left <= 0)
                {
                    _piece++;
                    _offset = 0;
                    continue;
                }

                var n = (int)Math.Min(left, buffer.Length);
                if (text is null)
                {
                    buffer[..n].Fill((byte)'a');
                }
                else
                {
                    text.AsSpan((int)_offset, n).CopyTo(buffer);
                }

                _offset += n;
                BytesRead += n;
                return n;
            }

            return 0;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
