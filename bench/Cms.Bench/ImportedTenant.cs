namespace Cms.Bench;

/// <summary>A tenant the bench made and imported a recipe into, with the import's run.</summary>
internal sealed record ImportedTenant(string Tenant, GeneratedRecipe Recipe, CliRun Run);
