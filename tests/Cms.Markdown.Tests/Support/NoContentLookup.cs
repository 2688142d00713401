using System.Reflection;
using Cms.Content.Handlers;

namespace Cms.Markdown.Tests.Support;

/// <summary>
/// The lookup boundary, which rendering rich text never asks: any call fails the test. A proxy rather than a
/// hand-written fake, so the interface can grow with other handlers' questions without touching these tests.
/// </summary>
public class NoContentLookup : DispatchProxy
{
    public static IContentLookup Create() => Create<IContentLookup, NoContentLookup>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"Rendering rich text should not call IContentLookup.{targetMethod?.Name}.");
}
