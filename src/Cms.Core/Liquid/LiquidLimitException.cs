namespace Cms.Liquid;

/// <summary>A limit of <see cref="LiquidLimits"/> that this host checks itself (Fluid checks the others); the message ends a sentence about the template.</summary>
internal sealed class LiquidLimitException(string message) : InvalidOperationException(message);
