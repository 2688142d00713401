using Cms.Content.Handlers;

namespace Cms.Core.Tests.Content;

/// <summary>
/// A content handler registered by a test, as a module's would be: counts the publishes of one item that reached the
/// handlers, and refuses them or throws while the test says so (a publish failing inside the real write path).
/// </summary>
internal sealed class PublishProbe(string contentItemId) : IContentHandler
{
    private int _publishes;

    public int Publishes => Volatile.Read(ref _publishes);

    public bool Refuse { get; set; }

    public bool Throw { get; set; }

    public Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        if (context.Item.ContentItemId != contentItemId || !context.Item.Published)
        {
            return Task.CompletedTask;
        }

        Interlocked.Increment(ref _publishes);
        if (Throw)
        {
            throw new InvalidOperationException("The probe's search index is down.");
        }

        if (Refuse)
        {
            context.AddError("TitlePart.Title", "The probe refuses this publish.");
        }

        return Task.CompletedTask;
    }
}
