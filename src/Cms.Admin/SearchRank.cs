using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Cms.Data;

namespace Cms.Admin;

/// <summary>
/// How well an item found by a content-list search matches it, best first: 0 its title is what was searched, 1 its
/// title has every word searched, 2 only its text has them; newest change first among equals. The list ranks the
/// matches it has counted (at most its bound) here, in Unicode lower case; past the bound the database finds the
/// exact titles (<see cref="IsTitled"/>, lower case as the database has it: ASCII only on SQLite).
/// </summary>
internal static partial class SearchRank
{
    // Translated to SQL's lower(), never run here, so no culture applies; ToLower is the call both providers translate.
#pragma warning disable CA1304, CA1311
    private static readonly Expression<Func<ContentItemRecord, string>> s_title = c => (c.DisplayText ?? "").ToLower();
#pragma warning restore CA1304, CA1311

    /// <summary>What the list reads of a match to rank it.</summary>
    public sealed record Candidate(string Id, string? Title, DateTime? ModifiedUtc);

    /// <summary>The matches' ids, best first.</summary>
    public static IEnumerable<string> Order(IEnumerable<Candidate> candidates, string search)
    {
        var exact = search.Trim().ToLowerInvariant();
        var words = Words().Matches(search).Select(m => m.Value.ToLowerInvariant()).ToList();
        int Rank(Candidate c)
        {
            var title = (c.Title ?? "").ToLowerInvariant();
            return title == exact ? 0 : words.Count > 0 && words.All(w => title.Contains(w, StringComparison.Ordinal)) ? 1 : 2;
        }

        return candidates.OrderBy(Rank).ThenByDescending(c => c.ModifiedUtc).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id);
    }

    /// <summary>
    /// Whether the item's title is what was searched: every word of it is then in the item's text, so such an item is a
    /// match without asking the full-text index.
    /// </summary>
    public static Expression<Func<ContentItemRecord, bool>> IsTitled(string search) =>
        Expression.Lambda<Func<ContentItemRecord, bool>>(Expression.Equal(s_title.Body, Expression.Constant(search.Trim().ToLowerInvariant())), s_title.Parameters);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    /// <summary>The words of a search or a title: runs of letters and digits.</summary>
    internal static partial Regex Words();
}
