using System.Globalization;
using Cms.Recipes.Execution;

namespace Cms.Web.Cli;

/// <summary>
/// The progress of a long import or export on standard error, so standard output keeps only the result a script reads:
/// on a terminal one line rewritten in place; redirected, a plain line at most once per interval, so a log stays
/// readable. Nothing shows for work done within the first interval.
/// </summary>
internal sealed class CliProgress : IProgress<RecipeProgress>
{
    private readonly TextWriter _writer;
    private readonly bool _terminal;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private RecipeProgressPhase? _phase;
    private long _phaseStarted;
    private long _lastLine;
    private int _lineLength;

    public CliProgress(TextWriter writer, bool terminal, TimeSpan interval, TimeProvider time)
    {
        _writer = writer;
        _terminal = terminal;
        _interval = interval;
        _time = time;
        _lastLine = time.GetTimestamp();
    }

    public void Report(RecipeProgress value)
    {
        var now = _time.GetTimestamp();
        if (_phase != value.Phase)
        {
            _phase = value.Phase;
            _phaseStarted = now;
        }

        if (_time.GetElapsedTime(_lastLine, now) < _interval)
        {
            return;
        }

        _lastLine = now;
        var line = Line(value, _time.GetElapsedTime(_phaseStarted, now));
        if (_terminal)
        {
            _writer.Write($"\r{line.PadRight(_lineLength)}");
            _lineLength = line.Length;
        }
        else
        {
            _writer.WriteLine(line);
        }

        _writer.Flush();
    }

    /// <summary>Ends the line rewritten in place, so what follows starts on its own.</summary>
    public void Finish()
    {
        if (_lineLength > 0)
        {
            _writer.WriteLine();
            _lineLength = 0;
        }
    }

    private static string Line(RecipeProgress progress, TimeSpan elapsed)
    {
        var perSecond = elapsed > TimeSpan.Zero ? progress.Done / elapsed.TotalSeconds : 0;
        var rate = $"{Number(perSecond)} items/s";
        if (progress.Total is not { } total)
        {
            return $"{progress.Phase}: {Number(progress.Done)} items, {rate}";
        }

        var percent = total == 0 ? 100 : progress.Done * 100L / total;
        var left = perSecond > 0 ? $", about {Duration((total - progress.Done) / perSecond)} left" : "";
        return $"{progress.Phase}: {Number(progress.Done)} of {Number(total)} items ({percent}%), {rate}{left}";
    }

    private static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Duration(double seconds)
    {
        var whole = (long)Math.Ceiling(seconds);
        return whole < 60 ? $"{whole} s" : $"{whole / 60} min {whole % 60} s";
    }
}
