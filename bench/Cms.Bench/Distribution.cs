namespace Cms.Bench;

/// <summary>Latency percentiles by nearest rank: p99 of 1,000 samples is the 990th fastest, a value that was observed.</summary>
internal sealed record Distribution(int Count, double P50, double P90, double P95, double P99, double Max)
{
    public static Distribution Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Distribution(sorted.Length, Rank(0.50), Rank(0.90), Rank(0.95), Rank(0.99), sorted[^1]);
    }
}
