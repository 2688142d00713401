namespace Cms.Content.Handlers;

/// <summary>
/// Part and field behaviour, run before a version is stored (save, publish, import): derive what is
/// derived (display text, route, rendered HTML, index values) and report what is wrong.
/// </summary>
public interface IContentHandler
{
    Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken);
}
