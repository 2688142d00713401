namespace Cms.Bench;

/// <summary>
/// One round of two saves of the same article at the same moment, one on each node, both from a form opened on the
/// same version: the action, each node's title and answer, and the title each node's editor shows afterwards.
/// </summary>
internal sealed record SaveRound(int Round, string Action, string TitleOnA, SaveAnswer OnA, string TitleOnB, SaveAnswer OnB, string FinalOnA, string FinalOnB)
{
    /// <summary>
    /// Acknowledged saves whose title is not what both nodes show afterwards: lost writes. Both saves started from the
    /// same version, so when both are acknowledged one of them is lost by definition.
    /// </summary>
    public int Lost => Titles(SaveOutcome.Acknowledged).Count(title => title != FinalOnA || title != FinalOnB);

    /// <summary>Saves refused as a conflict whose title is there afterwards all the same: a refusal that was not one.</summary>
    public int RefusedYetSaved => Titles(SaveOutcome.Conflict).Count(title => title == FinalOnA || title == FinalOnB);

    public int Count(SaveOutcome outcome) => (OnA.Outcome == outcome ? 1 : 0) + (OnB.Outcome == outcome ? 1 : 0);

    private IEnumerable<string> Titles(SaveOutcome outcome) =>
        new[] { (TitleOnA, OnA), (TitleOnB, OnB) }.Where(save => save.Item2.Outcome == outcome).Select(save => save.Item1);
}
