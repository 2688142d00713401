using System.Text.RegularExpressions;
using Cms.Data;
using Cms.Data.Migrations.Tenant;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

/// <summary>
/// The versions whose text has every word of a search, as queries the caller filters, orders and pages in the
/// database. On SQLite there are two ways to answer, and which is cheaper depends on how many versions match:
/// <list type="bullet">
/// <item><see cref="Versions"/> goes from the full-text index's matches to their rows: its cost grows with the
/// number of matches (about 2 µs each, measured at 100,000 articles), whatever the caller reads of them.</item>
/// <item><see cref="NewestFirst"/> may instead walk the current versions newest first and ask the index about
/// each one (about 40 µs each): cheap when most versions match and only the first pages are read, and
/// hopeless for a rare word. It picks by the counts read when the search was opened.</item>
/// </list>
/// PostgreSQL plans the same choice itself from its statistics, so there both are the GIN-index query.
/// </summary>
internal sealed class TextMatches
{
    // One index probe costs about as much as this many matches read through the index (both measured).
    private const long ProbeCost = 22;

    private const string SqliteMatches =
        """
        SELECT c.* FROM "ContentSearch" AS s CROSS JOIN "ContentSearchRows" AS r CROSS JOIN "ContentItems" AS c
        WHERE s."ContentSearch" MATCH {0} AND r."SearchRowId" = s.rowid AND c."TenantId" = {1} AND c."ContentItemVersionId" = r."ContentItemVersionId"
        """;

    private const string SqliteNewestFirst =
        $$"""
        SELECT c.* FROM "ContentItems" AS c INDEXED BY "{{TenantListIndexes.ListIndex}}"
        WHERE c."Latest" AND EXISTS (SELECT 1 FROM "ContentSearch" AS s WHERE s."ContentSearch" MATCH {0}
            AND s.rowid = (SELECT r."SearchRowId" FROM "ContentSearchRows" AS r WHERE r."ContentItemVersionId" = c."ContentItemVersionId"))
        """;

    private const string PostgresMatches =
        """SELECT * FROM "ContentItems" WHERE to_tsvector('simple', coalesce("SearchText", '')) @@ plainto_tsquery('simple', {0})""";

    private readonly TenantDbContext _db;
    private readonly string _expression;
    private readonly long _matches;
    private readonly long _versions;

    private TextMatches(TenantDbContext db, string expression, long matches, long versions)
    {
        _db = db;
        _expression = expression;
        _matches = matches;
        _versions = versions;
    }

    /// <summary>Whether nothing matches at all (known without reading a row; false on PostgreSQL).</summary>
    public bool None => _matches == 0;

    /// <summary>Every matching version, any state.</summary>
    public IQueryable<ContentItemRecord> Versions => _db.Database.IsNpgsql()
        ? _db.ContentItems.FromSqlRaw(PostgresMatches, _expression)
        : _db.ContentItems.FromSqlRaw(SqliteMatches, _expression, _db.TenantId);

    /// <summary>
    /// The matching current versions, for a caller that orders them by <c>ModifiedUtc</c> descending and reads the
    /// first <paramref name="rows"/> (skip plus take). The same rows as <see cref="Versions"/> restricted to Latest.
    /// </summary>
    public IQueryable<ContentItemRecord> NewestFirst(int rows)
    {
        if (_db.Database.IsNpgsql())
        {
            return Versions.Where(c => c.Latest);
        }

        // Walking newest first costs about rows × (versions / matches) probes; reading the matches costs one step each.
        var walk = (double)rows * _versions / Math.Max(1, _matches) * ProbeCost;
        return walk < _matches
            ? _db.ContentItems.FromSqlRaw(SqliteNewestFirst, _expression)
            : Versions.Where(c => c.Latest);
    }

    /// <summary>Opens a search; null when the query has no words. Words are matched whole; quotes and operators are not passed on.</summary>
    public static async Task<TextMatches?> OpenAsync(TenantDbContext db, string query, CancellationToken cancellationToken)
    {
        var words = Regex.Matches(query, @"[\p{L}\p{N}]+").Select(m => m.Value).ToArray();
        if (words.Length == 0)
        {
            return null;
        }

        if (db.Database.IsNpgsql())
        {
            return new TextMatches(db, string.Join(' ', words), matches: -1, versions: -1);
        }

        var expression = string.Join(' ', words.Select(w => '"' + w + '"'));
        var counts = await db.Database.SqlQueryRaw<SearchCounts>(
            """
            SELECT (SELECT count(*) FROM "ContentSearch" WHERE "ContentSearch" MATCH {0}) AS "Matches",
                   (SELECT count(*) FROM "ContentSearchRows") AS "Versions"
            """,
            expression).SingleAsync(cancellationToken);
        return new TextMatches(db, expression, counts.Matches, counts.Versions);
    }

    private sealed record SearchCounts(long Matches, long Versions);
}
