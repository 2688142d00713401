using Cms.Recipes.Execution;

namespace Cms.Recipes.Background;

/// <summary>
/// An import running in the background, or its result: what its status page shows. While it runs, the node running it
/// saves it every second or so (<see cref="UpdatedUtc"/>), so a status nobody has saved for a while is of an import
/// whose node stopped without saying so (killed, or its machine gone), and its transaction with it: nothing was changed.
/// </summary>
public sealed record RecipeImportStatus(
    string Id,
    string FileName,
    RecipeImportState State,
    RecipeProgressPhase Phase,
    int Done,
    int? Total,
    DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<RecipeMessage> Errors)
{
    public const string ServerStopped = "The server stopped before the import had finished. Nothing was changed; import the file again.";

    /// <summary>How long a running import's status may go unsaved before it is taken for one whose node stopped.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(1);

    /// <summary>When the node running the import last saved this status (null in statuses saved before there was one).</summary>
    public DateTimeOffset? UpdatedUtc { get; init; }

    public static RecipeImportStatus Started(string id, string fileName, DateTimeOffset now) =>
        new(id, fileName, RecipeImportState.Running, RecipeProgressPhase.Checking, 0, null, now, null, new Dictionary<string, int>(), []) { UpdatedUtc = now };

    /// <summary>This status as read at the time given: a running import not saved for a minute is one that stopped.</summary>
    public RecipeImportStatus AsOf(DateTimeOffset now) =>
        State == RecipeImportState.Running && now - (UpdatedUtc ?? StartedUtc) > Silence
            ? this with { State = RecipeImportState.Failed, Errors = [new RecipeMessage(null, "", ServerStopped)] }
            : this;
}
