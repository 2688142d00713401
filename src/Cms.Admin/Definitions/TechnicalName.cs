using System.Text.RegularExpressions;

namespace Cms.Admin.Definitions;

/// <summary>The names that key data (a field, a named part): a letter, then letters and digits, as Orchard's identifiers.</summary>
public static partial class TechnicalName
{
    public const string Rule = "must start with a letter and have only letters and digits";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex Pattern();
}
