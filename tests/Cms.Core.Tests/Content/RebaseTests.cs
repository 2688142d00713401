using Cms.Content;

namespace Cms.Core.Tests.Content;

/// <summary>
/// Issue 14, item 2: a body's site links are put under the address the practice is reached at, once. An address typed
/// with the practice's own prefix (copied from the address bar) is a page of the site like any other.
/// </summary>
public sealed class RebaseTests
{
    private const string Body = """
        <p><img src="/media/a.png" alt="plain"> <img src="/riverbend/media/a.png" alt="typed with the prefix">
        <a href="~/fees">fees</a> <a href="/riverbend">home</a> <a href="/Riverbend/fees?x=1#y">typed</a>
        <a href="/riverbend-blog/x">another practice</a> <a href="https://example.org/riverbend/x">elsewhere</a> <a href="//cdn.example/x">cdn</a></p>
        """;

    [Fact]
    public void UnderThePrefixEverySitePathGetsItOnce() => Assert.Equal("""
        <p><img src="/riverbend/media/a.png" alt="plain"> <img src="/riverbend/media/a.png" alt="typed with the prefix">
        <a href="/riverbend/fees">fees</a> <a href="/riverbend/">home</a> <a href="/riverbend/fees?x=1#y">typed</a>
        <a href="/riverbend/riverbend-blog/x">another practice</a> <a href="https://example.org/riverbend/x">elsewhere</a> <a href="//cdn.example/x">cdn</a></p>
        """, LinkAddresses.Rebase(Body, "/riverbend", "riverbend"));

    [Fact]
    public void OnItsHostNameAnAddressTypedWithThePrefixIsAPageOfTheSite() => Assert.Equal("""
        <p><img src="/media/a.png" alt="plain"> <img src="/media/a.png" alt="typed with the prefix">
        <a href="/fees">fees</a> <a href="/">home</a> <a href="/fees?x=1#y">typed</a>
        <a href="/riverbend-blog/x">another practice</a> <a href="https://example.org/riverbend/x">elsewhere</a> <a href="//cdn.example/x">cdn</a></p>
        """, LinkAddresses.Rebase(Body, "", "riverbend"));
}
