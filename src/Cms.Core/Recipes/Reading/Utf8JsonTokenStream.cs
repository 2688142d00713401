using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes.Reading;

/// <summary>
/// Pulls JSON tokens and whole values from a UTF-8 stream through one buffer that is refilled as it is consumed
/// and grown only when a single value does not fit, up to <see cref="RecipeLimits.MaxValueBytes"/>; a string longer
/// than <see cref="RecipeLimits.MaxStringBytes"/> is refused as soon as the buffer shows it, so memory stays bounded.
/// <see cref="Utf8JsonReader"/> is a ref struct and cannot live across awaits: each operation builds one over the
/// unconsumed bytes from the saved <see cref="JsonReaderState"/>, and when the bytes run out it drops that attempt,
/// refills and retries.
/// </summary>
internal sealed class Utf8JsonTokenStream : IDisposable
{
    // Orchard reads recipes with comments skipped and trailing commas allowed (JOptions), and makes JsonNode
    // objects case-insensitive.
    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly JsonNodeOptions s_nodeOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Stream _stream;
    private readonly Func<string?> _pointer;
    private readonly StringCheck _strings = new();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _bomChecked;
    private JsonReaderState _state = new(s_readerOptions);

    // Position of _start, counted over consumed bytes (a UTF-8 BOM excluded, as the reader never sees it).
    private long _offset;
    private long _line = 1;
    private long _lineStart;

    /// <param name="pointer">Says which part of the document is being read, for error messages.</param>
    public Utf8JsonTokenStream(Stream stream, int initialBufferSize, Func<string?> pointer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialBufferSize, 4);
        _stream = stream;
        _pointer = pointer;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBufferSize);
    }

    /// <summary>The type of the token last read or peeked; <see cref="JsonTokenType.None"/> at the end of the input.</summary>
    public JsonTokenType TokenType { get; private set; }

    /// <summary>The name when <see cref="TokenType"/> is <see cref="JsonTokenType.PropertyName"/>.</summary>
    public string? PropertyName { get; private set; }

    public long TokenLine { get; private set; } = 1;

    public long TokenColumn { get; private set; } = 1;

    /// <summary>How many bytes of the stream have been consumed (a UTF-8 BOM not counted).</summary>
    public long Position => _offset;

    public async ValueTask<JsonTokenType> ReadTokenAsync(CancellationToken ct)
    {
        while (!TryReadToken(consume: true))
        {
            await FillAsync(ct);
        }

        return TokenType;
    }

    public async ValueTask<JsonTokenType> PeekTokenAsync(CancellationToken ct)
    {
        while (!TryReadToken(consume: false))
        {
            await FillAsync(ct);
        }

        return TokenType;
    }

    /// <summary>Reads the next value (a primitive, or a whole object or array) as a case-insensitive node.</summary>
    public async ValueTask<JsonNode?> ReadValueAsync(CancellationToken ct)
    {
        JsonNode? value;
        while (!TryReadValue(out value))
        {
            await FillAsync(ct);
        }

        return value;
    }

    public RecipeFormatException Error(string reason) => new(reason, TokenLine, TokenColumn, _pointer());

    private RecipeFormatException Error(string reason, string below) => new(reason, TokenLine, TokenColumn, _pointer() + below);

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private bool TryReadToken(bool consume)
    {
        if (!SkipBom())
        {
            return false;
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfStream, _state);
        try
        {
            if (!reader.Read())
            {
                if (!_endOfStream)
                {
                    return false;
                }

                TokenType = JsonTokenType.None;
                PropertyName = null;
                NoteTokenPosition(_end - _start);
                return true;
            }

            TokenType = reader.TokenType;
            NoteTokenPosition(reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && StringCheck.Problem(ref reader) is { } problem)
            {
                throw Error(problem);
            }

            PropertyName = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
        }
        catch (JsonException e)
        {
            throw SyntaxError(e);
        }

        if (consume)
        {
            Consume(ref reader);
        }

        return true;
    }

    private bool TryReadValue(out JsonNode? value)
    {
        value = null;
        if (!SkipBom())
        {
            return false;
        }

        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfStream, _state);
        try
        {
            if (!reader.Read())
            {
                if (!_endOfStream)
                {
                    return false;
                }

                NoteTokenPosition(_end - _start);
                throw Error("the file ends where a value was expected");
            }

            TokenType = reader.TokenType;
            NoteTokenPosition(reader.TokenStartIndex);
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName)
            {
                throw new InvalidOperationException($"A value was requested where the next token is {reader.TokenType}.");
            }

            // Only parse once the whole value is in the buffer and its strings are fine (StringCheck): a second reader
            // walks it first without committing.
            var data = _buffer.AsSpan(_start, _end - _start);
            var probe = new Utf8JsonReader(data, _endOfStream, _state);
            if (_strings.Find(ref probe, data, out var complete) is { } problem)
            {
                throw Error(problem.Reason, problem.Below);
            }

            if (!complete)
            {
                return false;
            }

            value = JsonNode.Parse(ref reader, s_nodeOptions);
        }
        catch (JsonException e)
        {
            throw SyntaxError(e);
        }

        Consume(ref reader);
        return true;
    }

    private bool SkipBom()
    {
        if (_bomChecked)
        {
            return true;
        }

        var available = _buffer.AsSpan(_start, _end - _start);
        if (available.Length < 3 && !_endOfStream)
        {
            return false;
        }

        if (available.StartsWith("\uFEFF"u8))
        {
            _start += 3;
        }

        _bomChecked = true;
        return true;
    }

    private void Consume(ref Utf8JsonReader reader)
    {
        var consumed = _buffer.AsSpan(_start, (int)reader.BytesConsumed);
        var newlines = consumed.Count((byte)'\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _offset + consumed.LastIndexOf((byte)'\n') + 1;
        }

        _offset += consumed.Length;
        _start += consumed.Length;
        _state = reader.CurrentState;
    }

    // Only whitespace and comments lie between _start and the token, so this scan is short.
    private void NoteTokenPosition(long tokenStartIndex)
    {
        var before = _buffer.AsSpan(_start, (int)tokenStartIndex);
        var newlines = before.Count((byte)'\n');
        var lineStart = newlines > 0 ? _offset + before.LastIndexOf((byte)'\n') + 1 : _lineStart;
        TokenLine = _line + newlines;
        TokenColumn = _offset + tokenStartIndex - lineStart + 1;
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_endOfStream)
        {
            throw new InvalidOperationException("The reader asked for more data after the end of the stream.");
        }

        var unread = _end - _start;
        if (unread == _buffer.Length)
        {
            // The pending token or value fills the whole buffer: grow it, unless what it holds is already too much.
            CheckPending();
            var larger = ArrayPool<byte>.Shared.Rent(checked(_buffer.Length * 2));
            _buffer.AsSpan(_start, unread).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _start = 0;
        _end = unread;

        // Fill the whole free space: every retry re-reads the pending value from its start, so retrying after
        // each small chunk of a slow stream would make a large item cost quadratic time.
        while (_end < _buffer.Length)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }
    }

    private void CheckPending()
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
        (string Below, string Reason)? problem = null;
        try
        {
            problem = _strings.Find(ref reader, data, out _);
        }
        catch (JsonException)
        {
            // Bad JSON is reported where it is read, with its position; the buffer still grows no further.
        }

        if (problem is { } found)
        {
            throw Error(found.Reason, found.Below);
        }

        if (_buffer.Length >= RecipeLimits.MaxValueBytes)
        {
            throw Error($"this value (a content item, or a property of a step) is larger than {RecipeLimits.MaxValueBytes / 1024 / 1024} MB, the most a recipe holds at once; split it (one item or step per file, or media as files beside the recipe)");
        }
    }

    private RecipeFormatException SyntaxError(JsonException e)
    {
        // The reader's message ends with its own zero-based "LineNumber: n | BytePositionInLine: m."; ours are 1-based.
        var reason = e.Message;
        var position = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position > 0)
        {
            reason = reason[..position];
        }

        return new RecipeFormatException(reason, (e.LineNumber ?? TokenLine - 1) + 1, (e.BytePositionInLine ?? TokenColumn - 1) + 1, _pointer(), e);
    }
}
