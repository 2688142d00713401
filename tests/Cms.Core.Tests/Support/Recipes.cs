namespace Cms.Core.Tests.Support;

/// <summary>Small recipes for tests, in Orchard's shape.</summary>
internal static class Recipes
{
    /// <summary>An Article type with the standard parts and one of each field this host supports.</summary>
    public const string ArticleDefinition = """
        {
          "name": "ContentDefinition",
          "ContentTypes": [
            {
              "Name": "Article", "DisplayName": "Article",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" }, "TitlePartSettings": { "Options": "EditableRequired" } } },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "ContentTypePartSettings": { "Position": "1" }, "AutoroutePartSettings": { "Pattern": "articles/{{ ContentItem | display_text | slugify }}", "AllowCustomPath": true } } },
                { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart", "Settings": { "ContentTypePartSettings": { "Position": "2" } } },
                { "PartName": "ContainedPart", "Name": "ContainedPart", "Settings": {} },
                { "PartName": "Article", "Name": "Article", "Settings": { "ContentTypePartSettings": { "Position": "3" } } }
              ]
            },
            {
              "Name": "Series", "DisplayName": "Series",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart" },
                { "PartName": "ListPart", "Name": "ListPart", "Settings": { "ListPartSettings": { "ContainedContentTypes": [ "Article" ] } } }
              ]
            }
          ],
          "ContentParts": [
            {
              "Name": "Article",
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Subtitle", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Subtitle" }, "TextFieldSettings": { "Required": true } } },
                { "FieldName": "BooleanField", "Name": "Sensitive" },
                { "FieldName": "NumericField", "Name": "Part", "Settings": { "NumericFieldSettings": { "Minimum": 1, "Maximum": 20 } } },
                { "FieldName": "DateTimeField", "Name": "Updated" },
                { "FieldName": "LinkField", "Name": "Booking" },
                { "FieldName": "ContentPickerField", "Name": "Related", "Settings": { "ContentPickerFieldSettings": { "Multiple": true } } },
                { "FieldName": "MediaField", "Name": "Image" },
                { "FieldName": "MarkdownField", "Name": "Excerpt" }
              ]
            }
          ]
        }
        """;

    public static string Recipe(params string[] steps) => $$"""
        {
          "name": "test",
          "steps": [ {{string.Join(",\n", steps)}} ]
        }
        """;

    public static string Items(params string[] items) => $$"""{ "name": "content", "data": [ {{string.Join(",\n", items)}} ] }""";

    public static string Article(string id, string title, string extra = "", bool published = true) => $$"""
        {
          "ContentItemId": "{{id}}", "ContentItemVersionId": "{{id}}-v1", "ContentType": "Article", "DisplayText": "{{title}}",
          "Latest": true, "Published": {{(published ? "true" : "false")}},
          "TitlePart": { "Title": "{{title}}" },
          "MarkdownBodyPart": { "Markdown": "## {{title}}\n\nSome *text* with a [link](https://example.org)." },
          "Article": { "Subtitle": { "Text": "About {{title}}" }{{extra}} }
        }
        """;
}
