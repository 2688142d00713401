using Cms.Content;
using Cms.Content.Definitions;

namespace Cms.Admin.Definitions;

/// <summary>The parts a type can be given in the admin: the built-in ones this host has editors for, the type's own part, attachable parts.</summary>
public static class PartCatalog
{
    public static readonly IReadOnlyList<PartChoice> BuiltIn =
    [
        new(ContentNames.TitlePart, "Title", "A title, used as the item's name everywhere."),
        new(ContentNames.AutoroutePart, "Web address", "The item's own page on the site, made from its title."),
        new(ContentNames.MarkdownBodyPart, "Body (Markdown)", "A long text with headings, lists and links."),
        new(ContentNames.HtmlBodyPart, "Body (HTML)", "A long text written as HTML."),
        new(ContentNames.SeoMetaPart, "Search engine title and description", "What search results show for the item."),
        new(ContentNames.BagPart, "List of items inside this one", "Small items kept inside each item, such as memberships. Needs a name; a type can have several.", Named: true),
    ];

    /// <summary>What a manager reads for a part on a type.</summary>
    public static string Label(ContentTypeDefinition type, ContentTypePartDefinition part) =>
        SettingsReader.Text(part.Settings, ContentNames.ContentTypePartSettings, "DisplayName")
        ?? (part.PartName == type.Name ? "Its own fields" : BuiltIn.FirstOrDefault(c => c.PartName == part.PartName)?.Label ?? part.Name);

    /// <summary>
    /// The parts this type can still be given: not one it has, unless the part is named (a type may have several bags).
    /// Its own part is offered once it has fields; adding a first field attaches it anyway.
    /// </summary>
    public static IReadOnlyList<PartChoice> AvailableFor(ContentTypeDefinition type, ContentDefinitions definitions)
    {
        var choices = new List<PartChoice>();
        if (!type.HasPart(type.Name) && definitions.FindPart(type.Name) is not null)
        {
            choices.Add(new PartChoice(type.Name, "Its own fields", $"The part named “{type.Name}” that holds the fields added to this type."));
        }

        choices.AddRange(BuiltIn.Where(c => c.Named || !type.HasPart(c.PartName)));
        choices.AddRange(definitions.ContentPartDefinitionRecords
            .Where(p => SettingsReader.Bool(p.Settings, ContentNames.ContentPartSettings, "Attachable") == true && !type.HasPart(p.Name))
            .Where(p => BuiltIn.All(c => c.PartName != p.Name))
            .Select(p => new PartChoice(p.Name, SettingsReader.Text(p.Settings, ContentNames.ContentPartSettings, "DisplayName") ?? p.Name, "A part shared by several types, with its own fields.")));
        return choices;
    }
}
