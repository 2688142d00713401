using System.Text;
using Cms.Data;
using Cms.Tenancy;

namespace Cms.Core.Tests.Tenancy;

/// <summary>Issue 12, item 1: the change event as the PostgreSQL notification carries it, always under the 8,000-byte payload limit.</summary>
public sealed class TenantChangePayloadTests
{
    [Fact]
    public void AChangeComesBackWithItsNodeKindsAndItemIds()
    {
        var change = new TenantChange("riverbend", ChangeKinds.Content | ChangeKinds.Settings, ["article1", "article2"]);

        var read = TenantChangePayload.Read(TenantChangePayload.Write("node-a", change));

        Assert.NotNull(read);
        Assert.Equal("node-a", read.Value.Node);
        Assert.Equal("riverbend", read.Value.Change.Tenant);
        Assert.Equal(ChangeKinds.Content | ChangeKinds.Settings, read.Value.Change.Kinds);
        Assert.Equal(["article1", "article2"], read.Value.Change.ItemIds);
        Assert.False(read.Value.Change.ManyItems);
    }

    [Fact]
    public void MoreItemsThanTheBoundAreSentAsMany()
    {
        var pending = new PendingTenantChange();
        foreach (var i in Enumerable.Range(0, TenantChange.MaxItemIds + 1))
        {
            pending.RecordItem($"item{i:D20}");
        }

        var change = pending.Take("riverbend")!;

        Assert.True(change.ManyItems);
        Assert.Empty(change.ItemIds);
        Assert.Equal(ChangeKinds.Content, change.Kinds);
    }

    [Fact]
    public void AsManyItemsAsTheBoundAreNamedAndFitThePayload()
    {
        var ids = Enumerable.Range(0, TenantChange.MaxItemIds).Select(i => $"{i:D4}".PadRight(64, 'x')).ToList();
        var change = new TenantChange(new string('t', TenantNames.MaxLength), ChangeKinds.Content | ChangeKinds.Definitions, ids);

        var payload = TenantChangePayload.Write(Guid.NewGuid().ToString("N"), change);

        Assert.True(Encoding.UTF8.GetByteCount(payload) <= TenantChangePayload.MaxBytes);
        Assert.Equal(ids, TenantChangePayload.Read(payload)!.Value.Change.ItemIds);
    }

    [Fact]
    public void IdsTooLongInBytesAreSentAsManyUnderTheLimit()
    {
        // 100 ids of 64 four-byte characters: 25,600 bytes of ids alone.
        var ids = Enumerable.Range(0, TenantChange.MaxItemIds).Select(i => i + string.Concat(Enumerable.Repeat("😀", 31))).ToList();

        var payload = TenantChangePayload.Write("node-a", new TenantChange("riverbend", ChangeKinds.Content, ids));

        Assert.True(Encoding.UTF8.GetByteCount(payload) <= TenantChangePayload.MaxBytes);
        var read = TenantChangePayload.Read(payload)!.Value.Change;
        Assert.True(read.ManyItems);
        Assert.Empty(read.ItemIds);
    }

    [Fact]
    public void ABareTenantNameFromAnOlderVersionIsNotAChange()
    {
        Assert.Null(TenantChangePayload.Read("riverbend"));
        Assert.Null(TenantChangePayload.Read("{\"tenant\":\"riverbend\"}"));
    }

    [Fact]
    public void ARolledBackWriteRecordsNothingForTheNextCommit()
    {
        var pending = new PendingTenantChange();
        pending.RecordItem("article1");
        pending.Clear();

        Assert.Null(pending.Take("riverbend"));
    }
}
