using Fluid;
using Fluid.Values;

namespace Cms.Liquid;

/// <summary>
/// The bounds every Liquid render of this host runs within, and the one place that turns them into Fluid's options.
/// Templates come from practices and recipes, which the shared process does not trust: before these, a
/// <c>{% for i in (1..100000000) %}</c> took it to 5 GB and a minute.
/// </summary>
public sealed record LiquidLimits
{
    /// <summary>
    /// Public pages, their previews and trial renders. The demo practice's biggest pages take 406 steps (home) and
    /// 19,290 characters (an article) in about a millisecond; a list of articles is paged, so the shipped theme stays
    /// that size however big the practice (a card is about 30 steps and 700 characters).
    /// </summary>
    public static LiquidLimits Pages { get; } = new()
    {
        MaxSteps = 100_000,
        MaxListItems = 10_000,
        MaxOutputChars = 1_000_000,
        MaxAssignedChars = 10_000_000,
        MaxIncludeDepth = 20,
        TimeBudget = TimeSpan.FromSeconds(1),
    };

    /// <summary>
    /// The shipped theme's own templates: the bounds of <see cref="Pages"/> without the clock. They are this host's code,
    /// bounded by paging; a wall-clock budget would only cut them off while a freshly started host compiles its code under
    /// load, turning the first readers' pages into errors.
    /// </summary>
    public static LiquidLimits Theme { get; } = Pages with { TimeBudget = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Title and route patterns: a line of text each, rendered on every save and every imported item, in about a
    /// millisecond. The clock is there for filters, which take no steps however long the text they are given (an item's
    /// body, up to a recipe's 16 MB): a pattern made to burn CPU stops after a second, paid once per item it is rendered for.
    /// </summary>
    public static LiquidLimits Patterns { get; } = new()
    {
        MaxSteps = 1_000,
        MaxListItems = 1_000,
        MaxOutputChars = 10_000,
        MaxAssignedChars = 100_000,
        MaxIncludeDepth = 5,
        TimeBudget = TimeSpan.FromSeconds(1),
    };

    /// <summary>Tags, outputs and loop iterations one render may run (Fluid's steps).</summary>
    public required int MaxSteps { get; init; }

    /// <summary>Items a range or a filter may make into a list (<c>(1..n)</c>, <c>map</c>, <c>split</c>).</summary>
    public required int MaxListItems { get; init; }

    /// <summary>Characters a template, a captured block or a filter's result may hold.</summary>
    public required int MaxOutputChars { get; init; }

    /// <summary>Characters all <c>assign</c> and <c>capture</c> tags of one render may keep together, so that many values each under <see cref="MaxOutputChars"/> cannot fill the memory.</summary>
    public required long MaxAssignedChars { get; init; }

    /// <summary>How deep includes and renders of partials may nest.</summary>
    public required int MaxIncludeDepth { get; init; }

    /// <summary>Wall-clock time one render may take; it also ends when the caller's token does (a client gone).</summary>
    public required TimeSpan TimeBudget { get; init; }

    /// <summary>
    /// Options for templates rendered under these limits that read only the members of <paramref name="modelTypes"/>
    /// (Fluid 3 reads any public member otherwise); <paramref name="configure"/> adds filters and the like.
    /// </summary>
    public TemplateOptions CreateOptions(IReadOnlyCollection<Type> modelTypes, Action<TemplateOptionsBuilder>? configure = null)
    {
        var builder = new TemplateOptionsBuilder()
            .WithMaxSteps(MaxSteps)
            .WithMaxCollectionSize(MaxListItems)
            .WithMaxOutputSize(MaxOutputChars)
            .WithMaxRecursion(MaxIncludeDepth)
            .WithMemberAccessStrategy(() => new RegisteredModelsOnly(modelTypes))
            .WithAssigned(CountAssigned)
            .WithCaptured(CountAssigned);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Starts one render under these limits: its context, and its time budget from now.</summary>
    public LiquidRender Start(TemplateOptions options, CancellationToken cancellationToken) => new(this, options, cancellationToken);

    private static ValueTask<FluidValue> CountAssigned(string name, FluidValue value, TemplateContext context)
    {
        LiquidRender.Of(context)?.CountAssigned(value, context);
        return ValueTask.FromResult(value);
    }
}
