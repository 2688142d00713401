using Cms.Content;
using Cms.Content.Definitions;
using Cms.Data;

namespace Cms.Recipes.Execution;

/// <summary>The second pass: one transaction on the tenant's database that every step writes through.</summary>
internal sealed class RecipeApplication
{
    public RecipeApplication(TenantDbContext db, ContentManager content, ContentDefinitions definitions, MediaStaging media, IReadOnlySet<string> features, DateTimeOffset now)
    {
        Features = features;
        Db = db;
        Content = content;
        Definitions = definitions;
        Media = media;
        Now = now;
    }

    public TenantDbContext Db { get; }

    public ContentManager Content { get; }

    /// <summary>The working copy of the definitions, saved with everything else at the end.</summary>
    public ContentDefinitions Definitions { get; }

    public MediaStaging Media { get; }

    public DateTimeOffset Now { get; }

    /// <summary>Whether the content item applied last was stored already as it is: the next one likely is too.</summary>
    public bool LastItemUnchanged { get; set; }

    /// <summary>The features on for the tenant: those it had when the import started, as the recipe's feature steps so far left them.</summary>
    public IReadOnlySet<string> Features { get; private set; }

    /// <summary>A feature step changed the tenant's features: the steps and items after it run with the new ones.</summary>
    public void UseFeatures(IReadOnlySet<string> features)
    {
        Features = features;
        Content.RunFeatures(features);
    }

    /// <summary>
    /// What the content rules refused while applying, every item's: the import goes on to the end to find them all,
    /// then is rolled back (see <see cref="RecipeExecutor"/>).
    /// </summary>
    public List<RecipeMessage> Refused { get; } = [];

    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public void Count(string what, int n = 1)
    {
        if (n > 0)
        {
            Counts[what] = Counts.GetValueOrDefault(what) + n;
        }
    }
}
