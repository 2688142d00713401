using System.Globalization;

namespace Cms.Recipes.Reading;

/// <summary>A recipe file that is not valid JSON or not shaped like a recipe; the message says what and where.</summary>
internal sealed class RecipeFormatException : Exception
{
    public RecipeFormatException(string reason, long line, long column, string? pointer, Exception? innerException = null)
        : base(Describe(reason, line, column, pointer), innerException)
    {
        Reason = reason;
        Line = line;
        Column = column;
        Pointer = pointer;
    }

    public string Reason { get; }

    /// <summary>1-based line of the problem.</summary>
    public long Line { get; }

    /// <summary>1-based column of the problem, counted in bytes of the line's UTF-8 text as System.Text.Json does.</summary>
    public long Column { get; }

    /// <summary>JSON pointer of the enclosing value when known, e.g. <c>/steps/3/data/17</c>.</summary>
    public string? Pointer { get; }

    /// <summary>The index of the step the problem is in, when it is in one (read from <see cref="Pointer"/>).</summary>
    public int? Step
    {
        get
        {
            const string Steps = "/steps/";
            if (Pointer is not { } pointer || !pointer.StartsWith(Steps, StringComparison.Ordinal))
            {
                return null;
            }

            var rest = pointer.AsSpan(Steps.Length);
            var end = rest.IndexOf('/');
            return int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : null;
        }
    }

    private static string Describe(string reason, long line, long column, string? pointer) =>
        pointer is null
            ? $"Invalid recipe at line {line}, column {column}: {reason}"
            : $"Invalid recipe at line {line}, column {column} (in {pointer}): {reason}";
}
