using System.Globalization;
using System.Text;

namespace Cms.Web.Tests.Support;

/// <summary>A recipe of many small items (a Note type with a title), to see long work report its progress.</summary>
internal static class NotesRecipe
{
    public static string Json(int count, string idPrefix = "note")
    {
        var recipe = new StringBuilder("""
            { "name": "notes", "steps": [
              { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ], "ContentParts": [] },
              { "name": "content", "data": [
            """);
        for (var i = 0; i < count; i++)
        {
            recipe.AppendLine(CultureInfo.InvariantCulture, $$"""{{(i == 0 ? "" : ",")}}{ "ContentItemId": "{{idPrefix}}{{i}}", "ContentType": "Note", "Latest": true, "Published": true, "TitlePart": { "Title": "Note {{i}}" } }""");
        }

        return recipe.Append("] } ] }").ToString();
    }
}
