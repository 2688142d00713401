namespace Cms.Content;

/// <summary>A title or route pattern that does not parse or went over a limit while rendering; the message says which, for the item's errors.</summary>
internal sealed class LiquidPatternException(string message) : Exception(message);
