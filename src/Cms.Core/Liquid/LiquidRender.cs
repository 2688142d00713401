using System.Globalization;
using Fluid;
using Fluid.Values;

namespace Cms.Liquid;

/// <summary>
/// One render under <see cref="LiquidLimits"/>: a Fluid context whose cancellation token ends with the time budget or
/// with the caller's token, whichever comes first, and the words that tell a template's author which limit stopped it.
/// </summary>
public sealed class LiquidRender : IDisposable
{
    private const string AmbientKey = "Cms.Liquid.Render";

    private readonly LiquidLimits _limits;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _budget;
    private long _assigned;

    internal LiquidRender(LiquidLimits limits, TemplateOptions options, CancellationToken caller)
    {
        _limits = limits;
        _caller = caller;
        _budget = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _budget.CancelAfter(limits.TimeBudget);
        Context = new TemplateContext(options) { CancellationToken = _budget.Token };
        Context.AmbientValues[AmbientKey] = this;
    }

    public TemplateContext Context { get; }

    /// <summary>
    /// Why the render failed, as the end of a sentence about the template ("did more than 100,000 steps");
    /// null when it is not the template's doing: the caller gave up (the client went away) and the render should just stop.
    /// </summary>
    public string? Explain(Exception failure) => failure switch
    {
        OperationCanceledException when _caller.IsCancellationRequested || !_budget.IsCancellationRequested => null,
        OperationCanceledException => $"took longer than {Seconds(_limits.TimeBudget)}",
        LiquidLimitException => failure.Message,

        // Fluid throws these as InvalidOperationException; its wording is matched so the author reads our numbers and words.
        InvalidOperationException when IsFluidLimit(failure, "The maximum number of") => $"did more than {Number(_limits.MaxSteps)} steps (tags, outputs and loop rounds)",
        InvalidOperationException when IsFluidLimit(failure, "The maximum materialized collection size") => $"made a list of more than {Number(_limits.MaxListItems)} items",
        InvalidOperationException when IsFluidLimit(failure, "The maximum template output size") => $"made a text of more than {Number(_limits.MaxOutputChars)} characters",
        InvalidOperationException when IsFluidLimit(failure, "The maximum level of recursion") => $"nested includes more than {_limits.MaxIncludeDepth} deep",
        FileNotFoundException missing => $"includes '{missing.FileName ?? missing.Message}', which is not a template of the theme",
        _ => $"failed: {failure.Message}",
    };

    public void Dispose() => _budget.Dispose();

    internal static LiquidRender? Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(AmbientKey, out var render) ? render as LiquidRender : null;

    internal void CountAssigned(FluidValue value, TemplateContext context)
    {
        var size = value switch
        {
            StringValue => value.ToStringValue(context).Length,
            ArrayValue array => array.Values.Sum(v => v is StringValue ? v.ToStringValue(context).Length : 1L),
            _ => 1L,
        };
        if (Interlocked.Add(ref _assigned, size) > _limits.MaxAssignedChars)
        {
            throw new LiquidLimitException($"kept more than {Number(_limits.MaxAssignedChars)} characters in assign and capture tags");
        }
    }

    private static bool IsFluidLimit(Exception failure, string start) => failure.Message.StartsWith(start, StringComparison.Ordinal);

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan time) =>
        time == TimeSpan.FromSeconds(1) ? "a second" : $"{time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} seconds";
}
