namespace Cms.Content;

/// <summary>The Orchard Core part, field and settings names this host gives behaviour to, in one place.</summary>
public static class ContentNames
{
    public const string TitlePart = "TitlePart";
    public const string AutoroutePart = "AutoroutePart";
    public const string MarkdownBodyPart = "MarkdownBodyPart";
    public const string HtmlBodyPart = "HtmlBodyPart";
    public const string ListPart = "ListPart";
    public const string ContainedPart = "ContainedPart";
    public const string BagPart = "BagPart";
    public const string SeoMetaPart = "SeoMetaPart";

    public const string TextField = "TextField";
    public const string BooleanField = "BooleanField";
    public const string NumericField = "NumericField";
    public const string DateField = "DateField";
    public const string DateTimeField = "DateTimeField";
    public const string LinkField = "LinkField";
    public const string ContentPickerField = "ContentPickerField";
    public const string MediaField = "MediaField";
    public const string HtmlField = "HtmlField";
    public const string MarkdownField = "MarkdownField";
    public const string MultiTextField = "MultiTextField";

    public const string ContentTypeSettings = "ContentTypeSettings";
    public const string ContentTypePartSettings = "ContentTypePartSettings";
    public const string ContentPartSettings = "ContentPartSettings";
    public const string ContentPartFieldSettings = "ContentPartFieldSettings";
    public const string MediaFieldSettings = "MediaFieldSettings";

    /// <summary>Orchard's MultiTextField editor drawn as checkboxes (its other one is Picker); this host's admin draws both so.</summary>
    public const string CheckboxListEditor = "CheckboxList";
}
