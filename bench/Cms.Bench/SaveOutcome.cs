namespace Cms.Bench;

/// <summary>How the host answered a save from the editor.</summary>
internal enum SaveOutcome
{
    /// <summary>Saved: the 302 back to the editor.</summary>
    Acknowledged,

    /// <summary>Refused because someone else saved the item after the form was opened; nothing was saved.</summary>
    Conflict,

    /// <summary>Any other answer: a validation error, a 404 or a 500.</summary>
    Error,
}
