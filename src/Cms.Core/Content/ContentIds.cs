using System.Security.Cryptography;
using System.Text;

namespace Cms.Content;

/// <summary>Ids in Orchard's style: 26 lowercase letters and digits.</summary>
public static class ContentIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId() => Encode(RandomNumberGenerator.GetBytes(17));

    /// <summary>The same id for the same input: what makes an import without version ids idempotent.</summary>
    public static string Stable(string input) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(input)));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[26];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && index < chars.Length)
            {
                chars[index++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }

            if (index == chars.Length)
            {
                break;
            }
        }

        return new string(chars);
    }
}
