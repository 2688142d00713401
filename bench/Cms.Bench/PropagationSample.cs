namespace Cms.Bench;

/// <summary>
/// One publish on node A: how long its request took, then from its acknowledgement until node B's public page showed
/// the new title (or the wait given up), how many reads of B that took, and how many of them answered other than 200.
/// </summary>
internal sealed record PropagationSample(double PublishMilliseconds, double VisibleMilliseconds, int Reads, int FailedReads, bool Seen);
