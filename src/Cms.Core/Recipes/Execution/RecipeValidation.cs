using Cms.Content.Definitions;

namespace Cms.Recipes.Execution;

/// <summary>The first pass over a recipe: every problem collected, nothing written.</summary>
internal sealed class RecipeValidation
{
    private readonly bool _strict;

    public RecipeValidation(ContentDefinitions definitions, bool strict)
    {
        Definitions = definitions;
        _strict = strict;
    }

    /// <summary>The tenant's definitions with the recipe's definition steps applied so far.</summary>
    public ContentDefinitions Definitions { get; }

    public List<RecipeMessage> Errors { get; } = [];

    public List<RecipeMessage> Warnings { get; } = [];

    /// <summary>Item ids the recipe declares, so references between its items are not dangling.</summary>
    public HashSet<string> DeclaredIds { get; } = new(StringComparer.Ordinal);

    /// <summary>References to check once every item has been seen.</summary>
    public List<(int Step, string Pointer, string TargetId)> References { get; } = [];

    /// <summary>One message per place: the schema and a step's own checks may both see the same problem.</summary>
    public void Error(int? step, string pointer, string message)
    {
        if (!Errors.Exists(e => e.Location == pointer))
        {
            Errors.Add(new RecipeMessage(step, pointer, message));
        }
    }

    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    /// <summary>
    /// Like <see cref="Unsupported"/>, but said once per key: a recipe of 100,000 items of an unknown type
    /// gets one warning, at the first of them, not 100,000.
    /// </summary>
    public void UnsupportedOnce(string key, int? step, string pointer, string message)
    {
        if (_reported.Add(key))
        {
            Unsupported(step, pointer, message);
        }
    }

    /// <summary>Something the recipe holds that this host does not support: a warning, or an error under --strict.</summary>
    public void Unsupported(int? step, string pointer, string message)
    {
        if (_strict)
        {
            Error(step, pointer, message);
        }
        else
        {
            Warnings.Add(new RecipeMessage(step, pointer, message));
        }
    }
}
