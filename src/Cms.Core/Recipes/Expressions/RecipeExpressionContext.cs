using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cms.Recipes.Expressions;

/// <summary>What the script expressions of one recipe execution can see.</summary>
internal sealed record RecipeExpressionContext
{
    /// <summary>The recipe's <c>variables</c> header object; names are matched case-insensitively as in Orchard.</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>Values for <c>parameters('name')</c>, e.g. AdminUsername, AdminUserId, SiteName; the dictionary's comparer decides the casing.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    /// <summary>Looks up <c>configuration('Key:Path')</c>; null means "not configured", so the script's default is used.</summary>
    public Func<string, string?> Configuration { get; init; } = _ => null;

    public string TenantName { get; init; } = "";

    /// <summary>The folder of the recipe file; <c>file:</c> paths are relative to it and must stay inside it (<see cref="Execution.RecipeFiles"/>).</summary>
    public string? RecipeFolder { get; init; }

    /// <summary>Makes the ids returned by <c>uuid()</c>; replace it to make an import's ids deterministic.</summary>
    public Func<string> NewId { get; init; } = Content.ContentIds.NewId;

    /// <summary>
    /// When set, what the host cannot do but a recipe may ask for (a file it may not read, a function
    /// of a module we do not have) gives "" and is reported here as a message instead of failing.
    /// </summary>
    public Action<string>? OnUnsupported { get; init; }

    /// <summary>The tenant's URL prefix ("/riverbend", or "" when it has none), for <c>getUrlPrefix()</c>.</summary>
    public string UrlPrefix { get; init; } = "";

    /// <summary>Where <c>log(...)</c> writes.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>How long one script may run before it is stopped.</summary>
    public TimeSpan ScriptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many statements one script may run before it is stopped.</summary>
    public int MaxScriptStatements { get; init; } = 1_000_000;
}
