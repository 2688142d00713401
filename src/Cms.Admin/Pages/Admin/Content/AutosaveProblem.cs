using Cms.Content.Handlers;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>Why a background save did not save: a sentence for the person, and the field problems, by path, when there are some.</summary>
public sealed record AutosaveProblem(string Message, IReadOnlyList<ContentError> Errors);
