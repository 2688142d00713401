using System.Text.Json.Nodes;
using Cms.Content.Handlers;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Modules;

/// <summary>
/// A module written in a few lines against the public surface only (Cms.Modules and the content handlers): a part's
/// rule, an admin entry and a recipe step, all belonging to its feature. Nothing here is internal to Cms.Core.
/// </summary>
public static class NotesModule
{
    public const string Feature = "Test.Notes";
    public const string GreetingDocument = "test-notes-greeting";

    public static IServiceCollection AddNotesModule(this IServiceCollection services)
    {
        services.AddSingleton(new ModuleFeature(Feature, "Notes", "Short notes with a signature."));
        services.AddSingleton(new AdminMenuEntry("Notes", "admin/content?type=Note", "notes", Feature) { Position = 50 });
        services.AddSingleton<IContentHandler, SignedNoteHandler>();
        return services.AddModuleRecipeStep<GreetingStep>();
    }

    /// <summary>NotePart: a note without a signature is signed "The practice".</summary>
    public sealed class SignedNoteHandler : IContentHandler, IFeatureOwned
    {
        public string Feature => NotesModule.Feature;

        public Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
        {
            if (context.Item.Data["NotePart"] is JsonObject note && note["Signature"] is null)
            {
                note["Signature"] = "The practice";
            }

            return Task.CompletedTask;
        }
    }

    /// <summary><c>{"name": "notes-greeting", "Greeting": "…"}</c>: the greeting notes open with.</summary>
    public sealed class GreetingStep : IModuleRecipeStep, IFeatureOwned
    {
        public string Name => "notes-greeting";

        public string Feature => NotesModule.Feature;

        public IEnumerable<(string Property, string Message)> Check(JsonObject recipeStep)
        {
            if (recipeStep["Greeting"] is not JsonValue greeting || !greeting.TryGetValue<string>(out var text) || text.Length == 0)
            {
                yield return ("Greeting", "Greeting must be some text.");
            }
        }

        public async Task ApplyAsync(JsonObject recipeStep, ModuleRecipeTarget target, CancellationToken cancellationToken)
        {
            await target.SetDocumentAsync(GreetingDocument, new JsonObject { ["Greeting"] = recipeStep["Greeting"]!.GetValue<string>() }, cancellationToken);
            target.Count("greetings");
        }
    }
}
