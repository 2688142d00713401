using System.Text.Json;

namespace Cms.Bench;

/// <summary>
/// Counts the items of a recipe's content steps by content type, reading the file in 64 KB blocks with
/// Utf8JsonReader, so an exported 100,000-item recipe is checked without loading it.
/// </summary>
internal sealed class RecipeItemCounter
{
    // Depths as Utf8JsonReader counts them: the root object is 0, a step's properties 3, an item's 5.
    private const int StepDepth = 2;
    private const int StepPropertyDepth = 3;
    private const int ItemDepth = 4;
    private const int ItemPropertyDepth = 5;

    private readonly SortedDictionary<string, int> _byType = new(StringComparer.Ordinal);
    private string? _rootProperty;
    private string? _stepName;
    private string? _stepProperty;
    private string? _itemProperty;

    public static IReadOnlyDictionary<string, int> CountByType(string path)
    {
        var counter = new RecipeItemCounter();
        using var file = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var length = 0;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (true)
        {
            var read = file.Read(buffer, length, buffer.Length - length);
            length += read;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: read == 0, state);
            while (reader.Read())
            {
                counter.Visit(ref reader);
            }

            if (read == 0)
            {
                return counter._byType;
            }

            var consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            if (length == buffer.Length)
            {
                // One token longer than the buffer.
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private void Visit(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when depth == 1:
                _rootProperty = reader.GetString();
                break;
            case JsonTokenType.StartObject when depth == StepDepth:
                _stepName = null;
                _stepProperty = null;
                break;
            case JsonTokenType.PropertyName when depth == StepPropertyDepth:
                _stepProperty = reader.GetString();
                break;
            case JsonTokenType.String when depth == StepPropertyDepth && _stepProperty == "name":
                _stepName = reader.GetString();
                break;
            case JsonTokenType.StartObject when depth == ItemDepth && InContentData:
                _itemProperty = null;
                break;
            case JsonTokenType.PropertyName when depth == ItemPropertyDepth && InContentData:
                _itemProperty = reader.GetString();
                break;
            case JsonTokenType.String when depth == ItemPropertyDepth && InContentData && _itemProperty == "ContentType":
                var type = reader.GetString()!;
                _byType[type] = _byType.GetValueOrDefault(type) + 1;
                break;
        }
    }

    private bool InContentData => _rootProperty == "steps" && _stepName == "content" && _stepProperty == "data";
}
