using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Cms.Recipes.Reading;

/// <summary>
/// Walks the tokens of the value being read, as far as the buffer holds it, and checks each string and property name:
/// no longer than <see cref="RecipeLimits.MaxStringBytes"/> (the one the buffer ends in too, so a string too long is
/// refused before it is read whole) and real text (valid UTF-8, no half of a surrogate pair), which the reader leaves
/// unchecked until a string is asked for, far too late to name where it is. Names are kept as positions in the buffer
/// and decoded only for a message: this runs over every item of a big import. One instance per reader; not thread-safe.
/// </summary>
internal sealed class StringCheck
{
    public static readonly string TooLong =
        $"the value is longer than {RecipeLimits.MaxStringBytes / 1024 / 1024} MB ({RecipeLimits.MaxStringBytes:N0} bytes as written in the file), the most one value in a recipe may be; a longer text or file cannot be imported";

    public const string NotText = "the text is not valid UTF-8 (or escapes half of a surrogate pair); save the recipe as UTF-8";

    private readonly List<Frame> _frames = [];

    /// <summary>Why the string or property name <paramref name="reader"/> is on cannot be taken, or null.</summary>
    public static string? Problem(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        if (raw.Length > RecipeLimits.MaxStringBytes)
        {
            return TooLong;
        }

        if (!reader.ValueIsEscaped)
        {
            return Utf8.IsValid(raw) ? null : NotText;
        }

        // Unescaping is what finds a bad \u escape; the text is at most as many chars as the escaped bytes.
        var chars = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            reader.CopyString(chars);
            return null;
        }
        catch (InvalidOperationException)
        {
            return NotText;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Reads from <paramref name="reader"/> (placed before the value, or before a property name) until the value ends or
    /// the data runs out. Returns the first problem, with its pointer below the value's own ("" for the value itself),
    /// or null; <paramref name="complete"/> says whether the whole value was there.
    /// </summary>
    public (string Below, string Reason)? Find(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, out bool complete)
    {
        _frames.Clear();
        complete = false;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && Problem(ref reader) is { } reason)
            {
                return (Pointer(data), reason);
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when _frames.Count > 0:
                    _frames[^1] = _frames[^1] with { NameStart = (int)reader.TokenStartIndex + 1, NameLength = reader.ValueSpan.Length };
                    break;
                case JsonTokenType.PropertyName:
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    _frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, 0, -1, 0));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _frames.RemoveAt(_frames.Count - 1);
                    complete = ValueDone();
                    break;
                default:
                    complete = ValueDone();
                    break;
            }

            if (complete)
            {
                return null;
            }
        }

        // The buffer ends inside a token: a string (or number) already longer than the limit is not read further.
        return data.Length - reader.BytesConsumed > RecipeLimits.MaxStringBytes ? (Pointer(data), TooLong) : null;
    }

    // True when the value the walk started at is over.
    private bool ValueDone()
    {
        if (_frames.Count == 0)
        {
            return true;
        }

        var top = _frames[^1];
        _frames[^1] = top.IsArray ? top with { Index = top.Index + 1 } : top with { NameStart = -1 };
        return false;
    }

    private string Pointer(ReadOnlySpan<byte> data)
    {
        var pointer = new StringBuilder();
        foreach (var frame in _frames)
        {
            if (frame.IsArray)
            {
                pointer.Append('/').Append(frame.Index);
            }
            else if (frame.NameStart >= 0)
            {
                // A name that is not text itself is shown with replacement characters.
                var name = Encoding.UTF8.GetString(data.Slice(frame.NameStart, frame.NameLength));
                pointer.Append('/').Append(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return pointer.ToString();
    }

    /// <summary>An object or array the walk is in: the element index, or where the current property's name is (-1: none yet).</summary>
    private readonly record struct Frame(bool IsArray, int Index, int NameStart, int NameLength);
}
