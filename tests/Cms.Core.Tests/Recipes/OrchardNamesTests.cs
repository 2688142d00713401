using System.Text.Json.Nodes;
using Cms.Security;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Issue 13, item 7: every name the recipes under recipes/ use is Orchard Core 2.1's (OrchardCore21Names.json, each list
/// with where in Orchard's source it was read) or this project's own, listed apart; anything else is named with its JSON pointer.
/// </summary>
public sealed class OrchardNamesTests
{
    private static readonly OrchardNames s_names = OrchardNames.Load();

    public static TheoryData<string> Recipes() => new(RecipeFiles());

    [Theory]
    [MemberData(nameof(Recipes))]
    public void ARecipeUsesOnlyOrchardCore21sNamesOrThisProjectsOwn(string recipe)
    {
        var check = new RecipeNameCheck(s_names, RecipeFiles().Select(Read));

        var problems = check.Check(Read(recipe));

        Assert.True(problems.Count == 0, $"{recipe} uses names Orchard Core 2.1 does not have:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void EveryPermissionOfThisSiteHasAnOrchardCore21Name()
    {
        Assert.DoesNotContain(Permissions.All, p => !s_names.IsPermission(p.Name));
    }

    [Fact]
    public void NamesWhatIsUnknownAndWhere()
    {
        var recipe = JsonNode.Parse("""
            {
              "name": "broken", "issetuprecipe": true, "requires": [],
              "steps": [
                { "name": "feature", "enable": [ "OrchardCore.Contents", "OrchardCore.Nothing" ] },
                { "name": "Roles", "Roles": [ { "Name": "Author", "Permissions": [ "EditOwnContent", "ManageOwnMedia", "Edit_Article" ] } ] },
                { "name": "ContentDefinition",
                  "ContentTypes": [ { "Name": "Article", "Settings": { "ContentTypeSettings": { "Creatable": true, "Pinned": true } },
                    "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Editor": "Fancy" } } },
                                                          { "PartName": "Article", "Name": "Article" } ] } ],
                  "ContentParts": [ { "Name": "Article", "ContentPartFieldDefinitionRecords": [
                    { "FieldName": "MultiTextField", "Name": "Topics", "Settings": { "ContentPartFieldSettings": { "Editor": "Checkbox" } } },
                    { "FieldName": "MediaField", "Name": "Image", "Settings": { "MediaFieldSettings": { "RequireMediaText": true }, "CmsMediaFieldSettings": { "RequireMediaText": true } } },
                    { "FieldName": "ColourField", "Name": "Accent" } ] } ] },
                { "name": "content", "data": [ { "ContentItemId": "a", "ContentType": "Article", "TitlePart": { "Title": "A", "Subtitle": "B" },
                                                 "Article": { "Topics": { "Values": [] }, "Image": { "Path": "a.png" } }, "ListPart": {} } ] },
                { "name": "Macros" },
                { "name": "themes", "admin": "TheAdmin" }
              ]
            }
            """)!.AsObject();

        var problems = new RecipeNameCheck(s_names, [recipe]).Check(recipe);

        Assert.Equal(
        [
            "/requires: 'requires' is not a recipe header property",
            "/steps/0/enable/1: no feature has the id 'OrchardCore.Nothing'",
            "/steps/1/Roles/0/Permissions/1: no permission is named 'ManageOwnMedia'",
            "/steps/2/ContentTypes/0/Settings/ContentTypeSettings/Pinned: ContentTypeSettings has no property 'Pinned'",
            "/steps/2/ContentTypes/0/ContentTypePartDefinitionRecords/0/Settings/ContentTypePartSettings/Editor: TitlePart has no editor named 'Fancy'",
            "/steps/2/ContentParts/0/ContentPartFieldDefinitionRecords/0/Settings/ContentPartFieldSettings/Editor: MultiTextField has no editor named 'Checkbox'",
            "/steps/2/ContentParts/0/ContentPartFieldDefinitionRecords/1/Settings/MediaFieldSettings/RequireMediaText: MediaFieldSettings has no property 'RequireMediaText'",
            "/steps/2/ContentParts/0/ContentPartFieldDefinitionRecords/2/FieldName: no field type is named 'ColourField'",
            "/steps/3/data/0/TitlePart/Subtitle: TitlePart has no property 'Subtitle'",
            "/steps/3/data/0/Article/Image/Path: MediaField has no property 'Path'",
            "/steps/3/data/0/ListPart: Article has no part named 'ListPart'",
            "/steps/4/name: no step is named 'Macros'",
            "/steps/0/enable: a setup recipe must enable 'OrchardCore.Roles' for its Roles step",
            "/steps/0/enable: a setup recipe must enable 'OrchardCore.ContentTypes' for its ContentDefinition step",
            "/steps/0/enable: a setup recipe must enable 'OrchardCore.Themes' for its themes step",
            "/steps/0/enable: a setup recipe must enable 'TheAdmin' for its themes step's admin theme",
        ],
        problems);
    }

    private static IEnumerable<string> RecipeFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Recipes"), "*.recipe.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    private static JsonObject Read(string recipe) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recipes", recipe)))!.AsObject();
}
