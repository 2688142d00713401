namespace Cms.Tenancy;

/// <summary>A removal handler failed; the message says what it was deleting and why it could not.</summary>
internal sealed class TenantRemovalException(string removes, Exception inner)
    : Exception($"Deleting {removes} failed: {inner.Message.TrimEnd('.')}.", inner);
