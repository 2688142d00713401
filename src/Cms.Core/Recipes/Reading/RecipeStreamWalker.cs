using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Recipes.Reading;

/// <summary>Walks one recipe document: header properties, the <c>steps</c> array, and each step's streamed <c>data</c>.</summary>
internal sealed class RecipeStreamWalker : IDisposable
{
    private static readonly JsonNodeOptions s_caseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private readonly Utf8JsonTokenStream _tokens;
    private readonly IRecipeVisitor _visitor;

    // Where the walk is, for the JSON pointer in error messages.
    private bool _inSteps;
    private int _stepIndex = -1;
    private string? _property;
    private int _itemIndex = -1;

    // Bytes of what is being kept whole: the header, or the current step without its streamed data.
    private long _held;

    public RecipeStreamWalker(Stream utf8Json, IRecipeVisitor visitor, int initialBufferSize)
    {
        _visitor = visitor;
        _tokens = new Utf8JsonTokenStream(utf8Json, initialBufferSize, Pointer);
    }

    public async Task WalkAsync(CancellationToken ct)
    {
        var first = await _tokens.ReadTokenAsync(ct);
        if (first != JsonTokenType.StartObject)
        {
            throw _tokens.Error($"a recipe must be a JSON object, but the file starts with {Describe(first)}");
        }

        var header = new JsonObject(s_caseInsensitive);
        JsonObject? trailing = null;
        var headerDelivered = false;
        while (await _tokens.ReadTokenAsync(ct) == JsonTokenType.PropertyName)
        {
            var name = _tokens.PropertyName!;
            if (name.Equals("steps", StringComparison.OrdinalIgnoreCase))
            {
                if (headerDelivered)
                {
                    throw _tokens.Error($"the recipe has a second steps property ('{name}')");
                }

                await _visitor.OnHeaderAsync(header, ct);
                headerDelivered = true;
                await WalkStepsAsync(ct);
                _held = 0;
                continue;
            }

            _property = name;
            var value = await ReadHeldValueAsync("the recipe's properties other than its steps are, together, larger than {0} MB, the most a recipe holds at once", ct);
            _property = null;
            (headerDelivered ? trailing ??= new JsonObject(s_caseInsensitive) : header)[name] = value;
        }

        // The reader itself refuses anything but whitespace and comments after the root object.
        await _tokens.ReadTokenAsync(ct);
        if (!headerDelivered)
        {
            await _visitor.OnHeaderAsync(header, ct);
        }

        if (trailing is not null)
        {
            await _visitor.OnTrailingHeaderAsync(trailing, ct);
        }
    }

    public void Dispose() => _tokens.Dispose();

    private async Task WalkStepsAsync(CancellationToken ct)
    {
        _inSteps = true;
        var token = await _tokens.ReadTokenAsync(ct);
        if (token != JsonTokenType.StartArray)
        {
            throw _tokens.Error($"steps must be an array, found {Describe(token)}");
        }

        for (_stepIndex = 0; ; _stepIndex++)
        {
            token = await _tokens.ReadTokenAsync(ct);
            if (token == JsonTokenType.EndArray)
            {
                break;
            }

            if (token != JsonTokenType.StartObject)
            {
                throw _tokens.Error($"a step must be a JSON object, found {Describe(token)}");
            }

            await WalkStepAsync(ct);
        }

        _stepIndex = -1;
        _inSteps = false;
    }

    private async Task WalkStepAsync(CancellationToken ct)
    {
        var step = new JsonObject(s_caseInsensitive);
        _held = 0;
        var delivered = false;
        var sawData = false;
        List<JsonNode?>? waitingForName = null;
        while (await _tokens.ReadTokenAsync(ct) == JsonTokenType.PropertyName)
        {
            var name = _tokens.PropertyName!;
            _property = name;
            var isData = name.Equals("data", StringComparison.OrdinalIgnoreCase);
            if (isData && sawData)
            {
                throw _tokens.Error($"the step has a second data property ('{name}') after its data array");
            }

            if (!isData || await _tokens.PeekTokenAsync(ct) != JsonTokenType.StartArray)
            {
                step[name] = await ReadHeldValueAsync("this step, without its data array, is larger than {0} MB, the most a recipe holds at once; split it into several steps", ct);
                _property = null;
                continue;
            }

            sawData = true;
            await _tokens.ReadTokenAsync(ct);
            if (step.ContainsKey("name"))
            {
                await _visitor.OnStepAsync(_stepIndex, step, ct);
                delivered = true;
            }
            else
            {
                // The step is not known yet, so its items wait for the end of the step object.
                waitingForName = [];
            }

            for (_itemIndex = 0; await _tokens.PeekTokenAsync(ct) != JsonTokenType.EndArray; _itemIndex++)
            {
                ct.ThrowIfCancellationRequested();
                var item = waitingForName is null ? await _tokens.ReadValueAsync(ct) : await ReadHeldValueAsync("this step's data comes before its name, so it is held until the name, and it is larger than {0} MB, the most a recipe holds at once; give the step's name first", ct);
                if (waitingForName is null)
                {
                    await _visitor.OnStepItemAsync(_stepIndex, _itemIndex, item, ct);
                }
                else
                {
                    waitingForName.Add(item);
                }
            }

            await _tokens.ReadTokenAsync(ct);
            _itemIndex = -1;
            _property = null;
        }

        if (!delivered)
        {
            await _visitor.OnStepAsync(_stepIndex, step, ct);
            for (var i = 0; waitingForName is not null && i < waitingForName.Count; i++)
            {
                await _visitor.OnStepItemAsync(_stepIndex, i, waitingForName[i], ct);
            }
        }

        await _visitor.OnStepEndAsync(_stepIndex, ct);
    }

    /// <summary>Reads a value that is kept until its header or step is complete; <paramref name="refusal"/> ({0}: the limit in MB) says why too much is refused.</summary>
    private async ValueTask<JsonNode?> ReadHeldValueAsync(string refusal, CancellationToken ct)
    {
        var start = _tokens.Position;
        var value = await _tokens.ReadValueAsync(ct);
        _held += _tokens.Position - start;
        if (_held > RecipeLimits.MaxValueBytes)
        {
            throw _tokens.Error(string.Format(CultureInfo.InvariantCulture, refusal, RecipeLimits.MaxValueBytes / 1024 / 1024));
        }

        return value;
    }

    private string? Pointer()
    {
        var pointer = _inSteps ? "/steps" : null;
        if (_stepIndex >= 0)
        {
            pointer += $"/{_stepIndex}";
        }

        if (_property is not null)
        {
            pointer += "/" + _property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        }

        if (_itemIndex >= 0)
        {
            pointer += $"/{_itemIndex}";
        }

        return pointer;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.None => "the end of the file",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
