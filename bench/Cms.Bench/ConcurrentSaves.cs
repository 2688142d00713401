using System.Diagnostics;

namespace Cms.Bench;

/// <summary>
/// Rounds in which a person on each node saves the same article at the same moment, as two editors behind a load
/// balancer would: both open the editor (each on their node), type a different title, and post together. Rounds
/// alternate between saving a draft and publishing. What each node shows afterwards is read from its editor.
/// </summary>
internal static class ConcurrentSaves
{
    public const int Rounds = 20;

    public static async Task<List<SaveRound>> RunAsync(AdminClient onA, AdminClient onB, string contentItemId)
    {
        var rounds = new List<SaveRound>();
        for (var round = 1; round <= Rounds; round++)
        {
            var action = round % 2 == 1 ? "draft" : "publish";
            var (titleA, titleB) = (Report.Invariant($"Saved on node A in round {round}"), Report.Invariant($"Saved on node B in round {round}"));
            var formA = EditorTitle.With((await onA.OpenEditorAsync(contentItemId)).Fields, titleA);
            var formB = EditorTitle.With((await onB.OpenEditorAsync(contentItemId)).Fields, titleB);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saveA = SaveAtAsync(go.Task, onA, contentItemId, formA, action);
            var saveB = SaveAtAsync(go.Task, onB, contentItemId, formB, action);
            go.SetResult();
            var (answerA, answerB) = (await saveA, await saveB);

            var finalA = EditorTitle.Of((await onA.OpenEditorAsync(contentItemId)).Fields);
            var finalB = EditorTitle.Of((await onB.OpenEditorAsync(contentItemId)).Fields);
            rounds.Add(new SaveRound(round, action, titleA, answerA, titleB, answerB, finalA, finalB));
        }

        return rounds;
    }

    // Started on a thread-pool thread each, so both posts leave together once the gate opens.
    private static Task<SaveAnswer> SaveAtAsync(Task gate, AdminClient admin, string contentItemId, List<KeyValuePair<string, string>> form, string action) =>
        Task.Run(async () =>
        {
            await gate;
            var clock = Stopwatch.StartNew();
            try
            {
                return await admin.TrySaveAsync(contentItemId, form, action);
            }
            catch (HttpRequestException ex)
            {
                return new SaveAnswer(SaveOutcome.Error, 0, clock.Elapsed.TotalMilliseconds, ex.Message);
            }
        });
}
