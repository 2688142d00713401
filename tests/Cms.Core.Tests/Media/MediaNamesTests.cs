using System.Text.Json.Nodes;
using Cms.Media;

namespace Cms.Core.Tests.Media;

/// <summary>The library files a version names, as its row keeps them for the media page.</summary>
public sealed class MediaNamesTests
{
    [Fact]
    public void AMediaFieldsPathsAndTheMediaAddressesInTextAreNamedOnce()
    {
        var document = JsonNode.Parse("""
            {
              "ContentType": "Article",
              "Article": { "FeatureImage": { "Paths": [ "counselors/dana.png", "counselors/dana.png" ], "MediaTexts": [ "Dana" ] } },
              "MarkdownBodyPart": { "Markdown": "A river ![River](/media/river%20bank.jpg), a typed one ![x](/riverbend/media/typed.webp?v=1)\nand ~/media/old.gif and a PDF [notes](/media/notes.pdf), https://example.org/media/far.png#top." },
              "Links": [ "/media/counselors/dana.png", "https://example.org/page" ]
            }
            """);

        var names = MediaNames.In(document);

        Assert.Equal(["counselors/dana.png", "river bank.jpg", "typed.webp", "old.gif", "far.png"], names);
        Assert.Equal(names, MediaNames.FromStored(MediaNames.Stored(names)));
        Assert.Empty(MediaNames.FromStored(MediaNames.Stored(MediaNames.In(JsonNode.Parse("""{ "TitlePart": { "Title": "No images" } }""")))));
    }
}
