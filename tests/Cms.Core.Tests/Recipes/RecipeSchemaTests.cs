using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Tests.Support;
using Cms.Recipes.Schema;
using Json.Schema;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// The published recipe schema (recipes/recipe.schema.json) accepts every real Orchard recipe in the fixtures,
/// piece by piece as the streaming engine checks them and whole as an editor does, and names what is wrong
/// with a broken recipe at the right JSON pointer.
/// </summary>
public sealed class RecipeSchemaTests
{
    private static readonly JsonDocumentOptions s_orchardJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    // Built once for the class: it holds nothing that a test could change.
    private static readonly RecipeSchema s_schema = new();

    private static string SchemaFile => Path.Combine(AppContext.BaseDirectory, "Recipes", "recipe.schema.json");

    public static TheoryData<string> Fixtures() =>
        new(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Recipes", "Fixtures"), "*.recipe.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryFixturesHeaderStepsAndItemsPassTheSchemaOneAtATime(string fixture)
    {
        var recipe = Parse(File.ReadAllText(RecipeTenant.Fixture(fixture)));
        var problems = new List<(string Pointer, string Message)>();
        var header = recipe.DeepClone().AsObject();
        header.Remove("steps");
        problems.AddRange(s_schema.ValidateHeader(header));

        var steps = recipe["steps"]!.AsArray();
        var items = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i]!.DeepClone().AsObject();
            var data = step.FirstOrDefault(p => string.Equals(p.Key, "data", StringComparison.OrdinalIgnoreCase));
            step.Remove(data.Key ?? "data");

            // Only a content step's data holds content items; AdminMenu, WorkflowType... stream data of their own.
            if (data.Value is JsonArray array && IsContentStep(step))
            {
                for (var j = 0; j < array.Count; j++, items++)
                {
                    problems.AddRange(s_schema.ValidateItem(i, j, array[j]));
                }
            }

            problems.AddRange(s_schema.ValidateStep(i, step));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Select(p => $"{p.Pointer}: {p.Message}")));
        Assert.NotEmpty(steps);
        Assert.True(items > 0 || !steps.Any(s => IsContentStep(s!.AsObject())), "The content steps' items were not validated.");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void EveryFixturePassesThePublishedSchemaAsAWholeFileAsAnEditorChecksIt(string fixture)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaFile), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var recipe = JsonSerializer.SerializeToElement(Parse(File.ReadAllText(RecipeTenant.Fixture(fixture))));

        var result = schema.Evaluate(recipe, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Fact]
    public void TheSchemaFileIsAValidDraft202012SchemaWithItsId()
    {
        var text = File.ReadAllText(SchemaFile);
        var schema = JsonNode.Parse(text)!;

        Assert.Equal(RecipeSchema.Id, (string?)schema["$id"]);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)schema["title"]));
        Assert.True(MetaSchemas.Draft202012.Evaluate(JsonDocument.Parse(text).RootElement).IsValid);
    }

    [Fact]
    public void AnItemWithoutContentItemIdIsReportedAtItsContentItemId()
    {
        var problems = s_schema.ValidateItem(3, 17, Parse("""{ "ContentType": "Article", "DisplayText": "Hello" }"""));

        var problem = Assert.Single(problems);
        Assert.Equal("/steps/3/data/17/ContentItemId", problem.Pointer);
        Assert.Equal("A content item needs a ContentItemId.", problem.Message);
    }

    [Fact]
    public void AContentTypeThatIsANumberIsReportedAtContentType()
    {
        var problems = s_schema.ValidateItem(1, 0, Parse("""{ "ContentItemId": "4k5df0kadp9asy1n2ejzs1rz4r", "ContentType": 42 }"""));

        var problem = Assert.Single(problems);
        Assert.Equal("/steps/1/data/0/ContentType", problem.Pointer);
        Assert.Equal("ContentType must be a string, not the number 42.", problem.Message);
    }

    [Fact]
    public void PublishedAsYesIsReportedAsNeitherABooleanNorAnExpression()
    {
        var problems = s_schema.ValidateItem(4, 2, Parse("""{ "ContentItemId": "a", "ContentType": "Article", "Published": "yes" }"""));

        var problem = Assert.Single(problems);
        Assert.Equal("/steps/4/data/2/Published", problem.Pointer);
        Assert.Equal("Published must be true or false, or a [js: ...] expression, not \"yes\".", problem.Message);
    }

    [Fact]
    public void AnExpressionWhereABooleanIsExpectedPasses()
    {
        Assert.Empty(s_schema.ValidateItem(0, 0, Parse("""{ "ContentItemId": "[js: uuid()]", "ContentType": "Article", "Published": "[js: parameters('Publish')]" }""")));
        Assert.Empty(s_schema.ValidateHeader(Parse("""{ "name": "x", "issetuprecipe": "[js: configuration('Setup', 'true')]" }""").AsObject()));
    }

    [Fact]
    public void AContentDefinitionTypeWithoutNameIsReportedAtItsName()
    {
        var step = Parse("""{ "name": "ContentDefinition", "ContentTypes": [ { "Name": "Article", "DisplayName": "Article" }, { "DisplayName": "Blog" } ] }""");

        var problem = Assert.Single(s_schema.ValidateStep(2, step.AsObject()));

        Assert.Equal("/steps/2/ContentTypes/1/Name", problem.Pointer);
        Assert.Equal("A content type needs a Name.", problem.Message);
    }

    [Fact]
    public void APartRecordWithoutPartNameIsReportedAtItsPartName()
    {
        var step = Parse("""
            { "name": "ReplaceContentDefinition", "ContentTypes": [ { "Name": "Article", "DisplayName": "Article",
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "Name": "Slides" } ] } ] }
            """);

        var problem = Assert.Single(s_schema.ValidateStep(6, step.AsObject()));

        Assert.Equal("/steps/6/ContentTypes/0/ContentTypePartDefinitionRecords/1/PartName", problem.Pointer);
        Assert.Equal("A part record needs a PartName.", problem.Message);
    }

    [Fact]
    public void ARolesEntryWithoutNameIsReportedAtItsName()
    {
        var step = Parse("""{ "name": "Roles", "Roles": [ { "Name": "Editor", "Permissions": ["EditContent"] }, { "Description": "No name" } ] }""");

        var problem = Assert.Single(s_schema.ValidateStep(5, step.AsObject()));

        Assert.Equal("/steps/5/Roles/1/Name", problem.Pointer);
        Assert.Equal("A role needs a Name.", problem.Message);
    }

    [Fact]
    public void AMediaFileWithoutATargetNamesBothWaysToGiveOne()
    {
        var problem = Assert.Single(s_schema.ValidateStep(0, Parse("""{ "name": "media", "Files": [ { "Base64": "AAAA" } ] }""").AsObject()));

        Assert.Equal("/steps/0/Files/0/TargetPath", problem.Pointer);
        Assert.Equal("A media file needs a TargetPath or a Path.", problem.Message);
    }

    [Theory]
    [InlineData("ContentDefinition")]
    [InlineData("contentdefinition")]
    [InlineData("CONTENTDEFINITION")]
    public void StepNamesAreMatchedCaseInsensitivelyAsOrchardDoes(string name)
    {
        var step = new JsonObject { ["name"] = name, ["ContentTypes"] = new JsonArray(new JsonObject()) };

        var problem = Assert.Single(s_schema.ValidateStep(0, step));

        Assert.Equal("/steps/0/ContentTypes/0/Name", problem.Pointer);
    }

    [Fact]
    public void AnUnknownStepPassesWhateverItHolds()
    {
        Assert.Empty(s_schema.ValidateStep(7, Parse("""{ "name": "lucene-index", "Indices": 5, "ContentTypes": "not a list" }""").AsObject()));
    }

    [Fact]
    public void AStepWithoutANameIsReported()
    {
        var problem = Assert.Single(s_schema.ValidateStep(1, Parse("""{ "enable": ["OrchardCore.Contents"] }""").AsObject()));

        Assert.Equal(("/steps/1/name", "A step needs a name."), problem);
    }

    [Fact]
    public void AnItemThatIsNotAnObjectIsReportedAtTheItem()
    {
        var problem = Assert.Single(s_schema.ValidateItem(2, 9, Parse("""[ "ContentItemId" ]""")));

        Assert.Equal(("/steps/2/data/9", "The content item must be an object, not an array."), problem);
    }

    private static bool IsContentStep(JsonObject step) => string.Equals((string?)step["name"], "content", StringComparison.OrdinalIgnoreCase);

    private static JsonNode Parse(string json) => JsonNode.Parse(json, documentOptions: s_orchardJson)!;
}
