namespace Cms.Admin;

/// <summary>
/// What a picker asks for: items of these types (any type a picker may offer when none) matching the search, at most
/// <paramref name="Take"/>. With a <paramref name="DraftOwner"/>, drafts are offered only when that user owns
/// them: someone who may not view all content picks from published items and their own.
/// </summary>
public sealed record ChoiceQuery(IReadOnlyCollection<string> Types, string? Search, int Take, string? DraftOwner);
