using System.Collections.Frozen;

namespace Cms.Security;

/// <summary>
/// What a password must be wherever one is set (users page, new password, tenant creation, first-run setup): long
/// enough, and not one attackers try first. Length and a check against common, repeated and sequential passwords
/// rather than composition rules: NIST SP 800-63B, 5.1.1.2, and what password managers produce.
/// </summary>
internal static class PasswordRule
{
    public const int MinLength = 10;

    /// <summary>The rule in one sentence, for the hints next to password fields.</summary>
    public const string Hint = "At least 10 characters, and not a common password, one character repeated or a sequence like 1234567890.";

    private const string Advice = "Choose another; three or four unrelated words make a good one.";

    // Loaded once from the embedded list; immutable after.
    private static readonly FrozenSet<string> s_common = LoadCommonPasswords();

    public static int CommonPasswordCount => s_common.Count;

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return $"The password must be at least {MinLength} characters long.";
        }

        var lower = password.ToLowerInvariant();
        if (s_common.Contains(lower) || s_common.Contains(lower.Trim(NonLetters(lower))))
        {
            return $"The password is one of the most common passwords (or one of them with digits or symbols added), which attackers try first. {Advice}";
        }

        if (RepeatsAShortPattern(lower))
        {
            return $"The password repeats the same one to four characters over and over, which attackers try first. {Advice}";
        }

        return IsSequence(lower)
            ? $"The password is a sequence of letters or digits (like abcdefghij or 9876543210), which attackers try first. {Advice}"
            : null;
    }

    private static char[] NonLetters(string text) => [.. text.Where(c => !char.IsLetter(c)).Distinct()];

    // "aaaaaaaaaa", "abababababab", "abcabcabcabc", "passpasspass".
    private static bool RepeatsAShortPattern(string text)
    {
        for (var period = 1; period <= 4; period++)
        {
            var repeats = true;
            for (var i = period; i < text.Length && repeats; i++)
            {
                repeats = text[i] == text[i - period];
            }

            if (repeats)
            {
                return true;
            }
        }

        return false;
    }

    // Each character one up (or each one down) from the one before; digits wrap, as on the keyboard's top row.
    private static bool IsSequence(string text)
    {
        var first = Step(text[0], text[1]);
        if (first is not (1 or -1))
        {
            return false;
        }

        for (var i = 2; i < text.Length; i++)
        {
            if (Step(text[i - 1], text[i]) != first)
            {
                return false;
            }
        }

        return true;
    }

    private static int Step(char from, char to) => char.IsAsciiDigit(from) && char.IsAsciiDigit(to)
        ? ((to - from + 10) % 10) switch { 1 => 1, 9 => -1, _ => 0 }
        : to - from;

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordRule).Assembly.GetManifestResourceStream("CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords (CommonPasswords.txt) is missing from Cms.Core.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
