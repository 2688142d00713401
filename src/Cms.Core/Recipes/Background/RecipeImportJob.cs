using Cms.Tenancy;

namespace Cms.Recipes.Background;

/// <summary>An upload taken from the held recipes to be applied in the background: the file on this node is the job's alone.</summary>
internal sealed record RecipeImportJob(TenantSettings Tenant, string Id, string FileName, string File);
