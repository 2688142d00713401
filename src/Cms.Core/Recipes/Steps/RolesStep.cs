using System.Text.Json.Nodes;
using Cms.Recipes.Execution;
using Cms.Security;

namespace Cms.Recipes.Steps;

/// <summary><c>Roles</c>: roles with their permission names, added or replaced by role name.</summary>
internal sealed class RolesStep : IRecipeStep
{
    private const string NameKey = "Name";

    public string Name => "Roles";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        if (step.Property("Roles") is not JsonArray roles)
        {
            validation.Error(step.Index, step.PointerOf("Roles"), "'Roles' must be a list of roles.");
            return;
        }

        for (var i = 0; i < roles.Count; i++)
        {
            var pointer = $"{step.PointerOf("Roles")}/{i}";
            if (roles[i] is not JsonObject role || role.FindText("Name") is not { Length: > 0 })
            {
                validation.Error(step.Index, pointer + "/Name", "A role needs a Name.");
            }
            else if (role.Find("Permissions") is { } permissions && (permissions is not JsonArray list || list.Any(p => p is not JsonValue v || !v.TryGetValue<string>(out _))))
            {
                validation.Error(step.Index, pointer + "/Permissions", "'Permissions' must be a list of permission names.");
            }
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var patch = new JsonObject();
        foreach (var role in ((JsonArray)step.Property("Roles")!).OfType<JsonObject>())
        {
            patch[role.FindText("Name")!] = new JsonObject
            {
                [NameKey] = role.FindText(NameKey),
                ["Description"] = role.FindText("Description"),
                ["Permissions"] = RoleDocument.CurrentNames(role.Find("Permissions")),
            };
        }

        // Replace, not merge, each listed role's permission list: Orchard's default behaviour.
        var document = await Data.TenantDocuments.GetAsync<JsonObject>(application.Db, RecipeDocuments.Roles, cancellationToken) ?? [];
        foreach (var (name, role) in patch)
        {
            document[name] = role?.DeepClone();
        }

        await Data.TenantDocuments.SetAsync(application.Db, RecipeDocuments.Roles, document, application.Now, cancellationToken);
        application.Count("roles", patch.Count);
    }
}
