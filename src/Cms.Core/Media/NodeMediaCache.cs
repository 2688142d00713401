using System.Security.Cryptography;
using Cms.Data;
using Cms.Tenancy;

namespace Cms.Media;

/// <summary>
/// This node's copies of media kept in the shared database, in <c>&lt;data path&gt;/Sites/&lt;tenant&gt;/MediaCache</c>, each
/// named by the SHA-256 of its content: a replaced file has new content and so another name, and is never served from
/// the old copy. A copy is checked against its length and hash before it takes its name, so a half-written or torn one is
/// never found. A removed practice's folder goes with its copies on the node that removes it; elsewhere the copies stay
/// until the folder is cleared, harmless because a copy is only ever found by the hash of a row that names it.
/// </summary>
internal sealed class NodeMediaCache(CmsDatabase database)
{
    public const string FolderName = "MediaCache";

    private const int CopyBufferBytes = 81920;

    /// <summary>The copy of the content with this hash, or null when this node has none.</summary>
    public string? Find(TenantSettings tenant, string sha256)
    {
        var file = FilePath(tenant, sha256);
        return File.Exists(file) ? file : null;
    }

    /// <summary>Copies the content to a file of this node; its path, or null when the content was not the length and hash expected.</summary>
    public async Task<string?> AddAsync(TenantSettings tenant, string sha256, long length, IAsyncEnumerable<Stream> chunks, CancellationToken cancellationToken)
    {
        var target = FilePath(tenant, sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var filling = $"{target}.{Guid.NewGuid():N}.filling";
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long written = 0;
            var buffer = new byte[CopyBufferBytes];
            await using (var output = new FileStream(filling, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true))
            {
                await foreach (var chunk in chunks.WithCancellation(cancellationToken))
                {
                    for (var read = await chunk.ReadAsync(buffer, cancellationToken); read > 0 && written <= length; read = await chunk.ReadAsync(buffer, cancellationToken))
                    {
                        hash.AppendData(buffer, 0, read);
                        await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        written += read;
                    }
                }
            }

            if (written != length || !string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), sha256, StringComparison.Ordinal))
            {
                return null;
            }

            File.Move(filling, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(filling);
        }
    }

    private string FilePath(TenantSettings tenant, string sha256)
    {
        // The name comes from the database; a hash is all it may be.
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new InvalidDataException($"The media row's hash '{sha256}' is not a SHA-256 in hex.");
        }

        return Path.Combine(database.TenantFolder(tenant.Name), FolderName, sha256);
    }
}
