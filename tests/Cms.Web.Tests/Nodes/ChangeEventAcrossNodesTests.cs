using Cms.Core.Tests.Support;
using Cms.Tenancy;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Npgsql;

namespace Cms.Web.Tests.Nodes;

/// <summary>Issue 12, item 1: the change event one node raises reaches the other node's listener with its kinds and item ids.</summary>
public sealed class ChangeEventAcrossNodesTests
{
    private const string ArticleId = "acrossnodesarticle000001";

    [SkippableFact]
    public async Task TheOtherNodeHearsTheEventWithTheItemIdItChanged()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = a.Client();
        using var nodeB = b.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await nodeB.GetAsync(PublicSite.Base + "/")).StatusCode);
        await using (var server = new NpgsqlConnection(postgres.ConnectionString))
        {
            await server.OpenAsync();
            Assert.Equal(2, (await Listeners.WaitAsync(server, 2, [])).Count);
        }

        var markA = a.Changes.Count;
        var markB = b.Changes.Count;

        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "Heard Across", "articles/heard-across", published: true));

        var heard = await b.Changes.WaitForAsync(markB, "riverbend", c => c.ItemIds.Contains(ArticleId), Eventually.Patience);
        Assert.NotNull(heard);
        Assert.Equal(ChangeKinds.Content, heard.Kinds);
        Assert.Equal([ArticleId], heard.ItemIds);
        Assert.Single(a.Changes.Since(markA, "riverbend"));
        Assert.Single(b.Changes.Since(markB, "riverbend"));
    }
}
