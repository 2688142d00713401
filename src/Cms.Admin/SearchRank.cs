using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Cms.Data;

namespace Cms.Admin;

/// <summary>
/// How well an item found by a content-list search matches it, best first: 0 its title is what was searched, 1 its
/// title has every word searched, 2 only its text has them. Worked out in the database on lower-cased titles, so
/// paging stays there; SQLite lower-cases ASCII only, so an accented title may rank as a text match (it is still found).
/// </summary>
internal static partial class SearchRank
{
    // Translated to SQL's lower(), never run here, so no culture applies; ToLower is the call both providers translate.
#pragma warning disable CA1304, CA1311
    private static readonly Expression<Func<ContentItemRecord, string>> s_title = c => (c.DisplayText ?? "").ToLower();
#pragma warning restore CA1304, CA1311

    /// <summary>
    /// Whether the item's title is what was searched: every word of it is then in the item's text, so such an item is a
    /// match without asking the full-text index.
    /// </summary>
    public static Expression<Func<ContentItemRecord, bool>> IsTitled(string search) =>
        Expression.Lambda<Func<ContentItemRecord, bool>>(Expression.Equal(s_title.Body, Expression.Constant(search.Trim().ToLowerInvariant())), s_title.Parameters);

    public static Expression<Func<ContentItemRecord, int>> Of(string search)
    {
        var title = s_title.Body;
        var words = Words().Matches(search).Select(m => m.Value.ToLowerInvariant()).ToList();
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression hasEveryWord = words.Count == 0
            ? Expression.Constant(false)
            : words.Select(w => (Expression)Expression.Call(title, contains, Expression.Constant(w))).Aggregate(Expression.AndAlso);
        var rank = Expression.Condition(
            Expression.Equal(title, Expression.Constant(search.Trim().ToLowerInvariant())),
            Expression.Constant(0),
            Expression.Condition(hasEveryWord, Expression.Constant(1), Expression.Constant(2)));
        return Expression.Lambda<Func<ContentItemRecord, int>>(rank, s_title.Parameters);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    /// <summary>The words of a search or a title: runs of letters and digits.</summary>
    internal static partial Regex Words();
}
