using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// The names of OrchardCore21Names.json: Orchard Core 2.1's, each list read from its source, with this project's own
/// added where Orchard keeps them as data. Compared as Orchard compares them (see the file's $comment).
/// </summary>
internal sealed class OrchardNames
{
    public const string FileName = "OrchardCore21Names.json";

    private static readonly StringComparer s_exact = StringComparer.Ordinal;
    private static readonly StringComparer s_anyCase = StringComparer.OrdinalIgnoreCase;

    private readonly List<Regex> _permissionPatterns = [];

    private OrchardNames()
    {
    }

    public HashSet<string> Header { get; } = new(s_anyCase);

    public HashSet<string> HeaderExact { get; } = new(s_exact);

    /// <summary>Step names, each with its model's properties when the file lists them (null: not checked).</summary>
    public Dictionary<string, HashSet<string>?> Steps { get; } = new(s_anyCase);

    public HashSet<string> Features { get; } = new(s_exact);

    /// <summary>The feature that registers each step's handler, for the steps the file names one.</summary>
    public Dictionary<string, string> StepFeatures { get; } = new(s_anyCase);

    /// <summary>Features setup enables whatever the recipe says.</summary>
    public HashSet<string> EnabledAtSetup { get; } = new(s_exact);

    public string HomePageFeature { get; private set; } = "";

    public HashSet<string> Parts { get; } = new(s_exact);

    public HashSet<string> Fields { get; } = new(s_exact);

    public HashSet<string> Types { get; } = new(s_exact);

    /// <summary>Settings objects by name, each with its properties (matched ignoring case).</summary>
    public Dictionary<string, HashSet<string>> Settings { get; } = new(s_exact);

    public Dictionary<string, HashSet<string>> Editors { get; } = new(s_exact);

    public HashSet<string> ContentItem { get; } = new(s_exact);

    public Dictionary<string, HashSet<string>> PartProperties { get; } = new(s_exact);

    public Dictionary<string, HashSet<string>> FieldProperties { get; } = new(s_exact);

    public static OrchardNames Load()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recipes", FileName)))!.AsObject();
        var names = new OrchardNames();
        names.Header.UnionWith(Strings(file["recipe"]!["header"]));
        names.HeaderExact.UnionWith(Strings(file["recipe"]!["exact"]));
        foreach (var list in Lists(file, "steps"))
        {
            foreach (var step in Strings(list["names"]))
            {
                names.Steps[step] = list["properties"] is { } properties ? new HashSet<string>(Strings(properties), s_anyCase) : null;
                if (list["feature"] is { } feature)
                {
                    names.StepFeatures[step] = feature.GetValue<string>();
                }
            }
        }

        names.Features.UnionWith(Lists(file, "features").SelectMany(l => Strings(l["ids"])));
        names.EnabledAtSetup.UnionWith(Strings(file["setup"]!["enabledAtSetup"]!["ids"]));
        names.HomePageFeature = file["setup"]!["homePage"]!["feature"]!.GetValue<string>();
        names.Parts.UnionWith(Lists(file, "parts").SelectMany(l => Strings(l["names"])));
        names.Types.UnionWith(Lists(file, "types").SelectMany(l => Strings(l["names"])));
        names.Fields.UnionWith(Lists(file, "fields").SelectMany(l => Strings(l["names"])));
        foreach (var permission in Lists(file, "permissions").SelectMany(l => Strings(l["names"])))
        {
            // "{0}" stands for a type, role, index or query name.
            names._permissionPatterns.Add(new Regex("^" + Regex.Escape(permission).Replace(@"\{0}", ".+", StringComparison.Ordinal) + "$"));
        }

        Named(file["settings"]!["objects"], "properties", names.Settings, s_anyCase);
        Named(file["editors"]!["byType"], "names", names.Editors, s_exact);
        Named(file["partProperties"]!["byPart"], "properties", names.PartProperties, s_anyCase);
        Named(file["fieldProperties"]!["byField"], "properties", names.FieldProperties, s_anyCase);
        names.ContentItem.UnionWith(Strings(file["contentItem"]!["properties"]));

        var project = file["project"]!;
        names.Features.UnionWith(Strings(project["features"]!["ids"]));
        names.Types.UnionWith(Strings(project["types"]!["names"]));
        names.Parts.UnionWith(Strings(project["parts"]!["names"]));
        Named(project["settings"], "properties", names.Settings, s_anyCase);
        return names;
    }

    public bool IsPermission(string name) => _permissionPatterns.Exists(p => p.IsMatch(name));

    private static IEnumerable<JsonNode> Lists(JsonObject file, string section) => file[section]!["lists"]!.AsArray().Select(l => l!);

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());

    private static void Named(JsonNode? byName, string property, Dictionary<string, HashSet<string>> into, StringComparer comparer)
    {
        foreach (var (name, entry) in byName!.AsObject())
        {
            into[name] = new HashSet<string>(Strings(entry![property]), comparer);
        }
    }
}
