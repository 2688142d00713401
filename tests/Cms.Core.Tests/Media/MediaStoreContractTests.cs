using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Media;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Core.Tests.Media;

/// <summary>
/// Issue 11, item 3: one contract for every media store, run against the file system store (SQLite installs, a temp
/// folder) and the PostgreSQL store (a database of the test's own): what is written is read back byte for byte,
/// replaced, deleted and listed; one practice never reaches another's files; a path out of the library is refused.
/// </summary>
public sealed class MediaStoreContractTests
{
    private static readonly TenantSettings s_oak = Tenant("oak");
    private static readonly TenantSettings s_elm = Tenant("elm");

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AFileOfSeveralChunksIsReadBackByteForByte(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        var content = Bytes(4 * PostgresMediaStore.ChunkBytes + 12_345, seed: 1);

        await store.WriteAsync(s_oak, "team/dana.png", new MemoryStream(content), default);

        var found = await store.FindAsync(s_oak, "team/dana.png", default);
        Assert.NotNull(found);
        Assert.Equal(("team/dana.png", (long)content.Length, "image/png", DateTimeKind.Utc), (found.Path, found.Length, found.ContentType, found.ModifiedUtc.Kind));
        Assert.Equal(content, await ReadAsync(store, s_oak, "team/dana.png"));
        // Read again: from this node's copy on PostgreSQL, the same bytes.
        Assert.Equal(content, await ReadAsync(store, s_oak, "/team/dana.png"));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AReplacedFileIsReadNewNeverFromTheOldCopy(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        var first = Bytes(3 * PostgresMediaStore.ChunkBytes, seed: 2);
        var second = Bytes(1000, seed: 3);
        await store.WriteAsync(s_oak, "logo.webp", new MemoryStream(first), default);
        Assert.Equal(first, await ReadAsync(store, s_oak, "logo.webp"));

        await store.WriteAsync(s_oak, "logo.webp", new MemoryStream(second), default);

        Assert.Equal(second, await ReadAsync(store, s_oak, "logo.webp"));
        Assert.Equal(second.Length, (await store.FindAsync(s_oak, "logo.webp", default))!.Length);
        Assert.Equal(["logo.webp"], (await store.ListAsync(s_oak, default)).Select(e => e.Path));
        if (provider == DatabaseProvider.Postgres)
        {
            // The old content's chunks went with the replace: one chunk left, the new file's.
            Assert.Equal(1, await ChunkCountAsync(services, s_oak));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwoWritesOfOnePathAtOnceLeaveOneOfThemWhole(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        var one = Bytes(2 * PostgresMediaStore.ChunkBytes + 1, seed: 4);
        var other = Bytes(3 * PostgresMediaStore.ChunkBytes + 7, seed: 5);

        await Task.WhenAll(
            Task.Run(() => store.WriteAsync(s_oak, "race.png", new MemoryStream(one), default)),
            Task.Run(() => store.WriteAsync(s_oak, "race.png", new MemoryStream(other), default)));

        var read = await ReadAsync(store, s_oak, "race.png");
        Assert.True(read.SequenceEqual(one) || read.SequenceEqual(other), $"Read {read.Length} bytes, neither write whole.");
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(read.Length == one.Length ? 3 : 4, await ChunkCountAsync(services, s_oak));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ADeletedFileIsGone(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        await store.WriteAsync(s_oak, "old/photo.jpg", new MemoryStream(Bytes(PostgresMediaStore.ChunkBytes + 1, seed: 6)), default);
        await store.WriteAsync(s_oak, "kept.jpg", new MemoryStream(Bytes(10, seed: 7)), default);

        Assert.True(await store.DeleteAsync(s_oak, "old/photo.jpg", default));

        Assert.Null(await store.FindAsync(s_oak, "old/photo.jpg", default));
        Assert.Null(await store.OpenAsync(s_oak, "old/photo.jpg", default));
        Assert.False(await store.DeleteAsync(s_oak, "old/photo.jpg", default));
        Assert.Equal(["kept.jpg"], (await store.ListAsync(s_oak, default)).Select(e => e.Path));
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(1, await ChunkCountAsync(services, s_oak));
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListsEveryFileWithItsSizeInPathOrder(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        Assert.Empty(await store.ListAsync(s_oak, default));
        foreach (var (path, length) in new[] { ("b.png", 5), ("a/c.gif", 6), ("a.jpeg", 7), ("B.png", 8) })
        {
            await store.WriteAsync(s_oak, path, new MemoryStream(Bytes(length, seed: length)), default);
        }

        var listed = await store.ListAsync(s_oak, default);

        Assert.Equal(["B.png", "a.jpeg", "a/c.gif", "b.png"], listed.Select(e => e.Path));
        Assert.Equal([8L, 7L, 6L, 5L], listed.Select(e => e.Length));
        Assert.Equal(["image/png", "image/jpeg", "image/gif", "image/png"], listed.Select(e => e.ContentType));
        Assert.Equal("c.gif", listed[2].Name);
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task APracticeNeverReachesAnothersFilesEvenByPath(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        var oaks = Bytes(2000, seed: 8);
        await store.WriteAsync(s_oak, "team/dana.png", new MemoryStream(oaks), default);

        foreach (var path in new[] { "team/dana.png", "../oak/Media/team/dana.png", "../../Sites/oak/Media/team/dana.png", "..%2Foak%2FMedia%2Fteam%2Fdana.png" })
        {
            Assert.Null(await store.FindAsync(s_elm, path, default));
            Assert.Null(await store.OpenAsync(s_elm, path, default));
        }

        Assert.Empty(await store.ListAsync(s_elm, default));
        Assert.False(await store.DeleteAsync(s_elm, "team/dana.png", default));
        await store.WriteAsync(s_elm, "team/dana.png", new MemoryStream(Bytes(10, seed: 9)), default);
        Assert.Equal(oaks, await ReadAsync(store, s_oak, "team/dana.png"));
        if (provider == DatabaseProvider.Postgres)
        {
            // Row-level security: a connection working for elm sees none of oak's rows, whatever it asks for.
            await using var elm = await services.GetRequiredService<CmsDatabase>().OpenTenantConnectionAsync(s_elm, services.GetRequiredService<CmsDatabase>().TenantOptions(s_elm), default);
            await using var all = elm.CreateCommand();
            all.CommandText = """SELECT count(*) FROM "MediaFiles" WHERE "TenantId" = 'oak'""";
            Assert.Equal(0L, await all.ExecuteScalarAsync());
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task APathOutOfTheLibraryIsRefusedAndNothingIsWritten(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        var before = Directory.EnumerateFiles(storage.DataPath, "*", SearchOption.AllDirectories).ToList();

        foreach (var path in new[] { "../escape.png", "team/../../escape.png", "..\\escape.png", "a//b.png", "./a.png", "", " ", new string('a', MediaPaths.MaxLength) + ".png" })
        {
            var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(s_oak, path, new MemoryStream(Bytes(10, seed: 10)), default));
            Assert.Contains("media path", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(s_oak, path, default));
            Assert.Null(await store.FindAsync(s_oak, path, default));
            Assert.Null(await store.OpenAsync(s_oak, path, default));
        }

        Assert.Empty(await store.ListAsync(s_oak, default));
        Assert.Equal(before, Directory.EnumerateFiles(storage.DataPath, "*", SearchOption.AllDirectories).ToList());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ARemovedPracticesMediaAreGone(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var store = Store(services, provider);
        var manager = services.GetRequiredService<TenantManager>();
        var oak = (await manager.CreateAsync(new CreateTenantRequest { Name = "oak", Prefix = "oak" }, default)).Tenant!;
        await store.WriteAsync(oak, "team/dana.png", new MemoryStream(Bytes(PostgresMediaStore.ChunkBytes + 1, seed: 11)), default);
        Assert.NotNull(await store.OpenAsync(oak, "team/dana.png", default));

        Assert.True((await manager.RemoveAsync("oak", default)).Succeeded);

        var again = (await manager.CreateAsync(new CreateTenantRequest { Name = "oak", Prefix = "oak" }, default)).Tenant!;
        Assert.Null(await store.FindAsync(again, "team/dana.png", default));
        Assert.Empty(await store.ListAsync(again, default));
        Assert.False(Directory.Exists(Path.Combine(storage.DataPath, "Sites", "oak", NodeMediaCache.FolderName)));
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(0, await ChunkCountAsync(services, again));
        }
    }

    [SkippableFact]
    public async Task PostgresKeepsAFileInChunksOfAtMost256KiB()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        await using var services = await storage.StartAsync();
        var store = Store(services, DatabaseProvider.Postgres);

        await store.WriteAsync(s_oak, "big.png", new MemoryStream(Bytes(5 * 256 * 1024 + 3, seed: 12)), default);

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT set_config('cms.tenant', 'oak', false);
            SELECT count(*), max(length("Data")), (SELECT "Sha256" FROM "MediaFiles" WHERE "Path" = 'big.png') FROM "MediaChunks"
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((6L, 256 * 1024), (reader.GetInt64(0), reader.GetInt32(1)));
        Assert.Matches("^[0-9a-f]{64}$", reader.GetString(2));
    }

    private static IMediaStore Store(IServiceProvider services, DatabaseProvider provider)
    {
        var store = services.GetRequiredService<IMediaStore>();
        Assert.IsType(provider == DatabaseProvider.Postgres ? typeof(PostgresMediaStore) : typeof(FileSystemMediaStore), store);
        return store;
    }

    private static async Task<byte[]> ReadAsync(IMediaStore store, TenantSettings tenant, string path)
    {
        var file = await store.OpenAsync(tenant, path, default);
        Assert.NotNull(file);
        return await File.ReadAllBytesAsync(file.FilePath);
    }

    private static async Task<long> ChunkCountAsync(IServiceProvider services, TenantSettings tenant)
    {
        var database = services.GetRequiredService<CmsDatabase>();
        await using var connection = await database.OpenTenantConnectionAsync(tenant, database.TenantOptions(tenant), default);
        await using var count = connection.CreateCommand();
        count.CommandText = """SELECT count(*) FROM "MediaChunks" """;
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static TenantSettings Tenant(string name) => new(name, TenantState.Running, [], name, null, null, DateTimeOffset.UnixEpoch);
}
