using System.Globalization;

namespace Cms.Admin.Editors;

/// <summary>
/// A button of a bag's editor, posted as the form's action so it works without JavaScript: "bag-add:Memberships:Membership",
/// "bag-remove:Memberships:2", "bag-up:Memberships:2", "bag-down:Memberships:2".
/// </summary>
public sealed record BagCommand(string Verb, string Bag, string Argument)
{
    public const string AddVerb = "bag-add";
    public const string RemoveVerb = "bag-remove";
    public const string UpVerb = "bag-up";
    public const string DownVerb = "bag-down";

    public static string Action(string verb, string bag, string argument) => $"{verb}:{bag}:{argument}";

    public static string Action(string verb, string bag, int index) => Action(verb, bag, index.ToString(CultureInfo.InvariantCulture));

    public static BagCommand? Parse(string? action) =>
        action?.Split(':') is [var verb and (AddVerb or RemoveVerb or UpVerb or DownVerb), var bag, var argument] ? new BagCommand(verb, bag, argument) : null;

    /// <summary>The row the command is about, for remove, up and down.</summary>
    public int? Index => int.TryParse(Argument, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}
