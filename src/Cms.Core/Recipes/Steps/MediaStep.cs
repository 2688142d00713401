using System.Text.Json.Nodes;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>media</c>: files into the tenant's media library, from base64 in the recipe or a file beside it.
/// Downloads (SourceUrl) are not made: a recipe must not reach out to the network.
/// </summary>
internal sealed class MediaStep : IRecipeStep
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public string Name => "media";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        if (step.Property("Files") is not JsonArray files)
        {
            validation.Error(step.Index, step.PointerOf("Files"), "'Files' must be a list of files.");
            return;
        }

        for (var i = 0; i < files.Count; i++)
        {
            var pointer = $"{step.PointerOf("Files")}/{i}";
            if (files[i] is not JsonObject file)
            {
                validation.Error(step.Index, pointer, "A media file entry must be an object.");
                continue;
            }

            var target = TargetPath(file);
            if (MediaStaging.CheckPath(target ?? "") is { } problem)
            {
                validation.Error(step.Index, pointer + "/TargetPath", problem);
            }

            if (file.FindText("Base64") is { } base64)
            {
                if (!TryDecode(base64, out var bytes))
                {
                    validation.Error(step.Index, pointer + "/Base64", "Base64 is not valid base64 data.");
                }
                else if (bytes.Length > MaxFileBytes)
                {
                    validation.Error(step.Index, pointer + "/Base64", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.");
                }
            }
            else if (file.FindText("SourcePath") is { } source)
            {
                if (validation.RecipeFolder is null || !File.Exists(Path.Combine(validation.RecipeFolder, source)))
                {
                    validation.Unsupported(step.Index, pointer + "/SourcePath", $"The file '{source}' is not beside the recipe; it is not imported.");
                }
            }
            else if (file.FindText("SourceUrl") is { } url)
            {
                validation.Unsupported(step.Index, pointer + "/SourceUrl", $"Media are not downloaded ({url}); add the file as Base64 or beside the recipe.");
            }
            else
            {
                validation.Error(step.Index, pointer, "A media file needs Base64 or SourcePath.");
            }
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        foreach (var file in ((JsonArray)step.Property("Files")!).OfType<JsonObject>())
        {
            byte[]? content = null;
            if (file.FindText("Base64") is { } base64 && TryDecode(base64, out var bytes))
            {
                content = bytes;
            }
            else if (file.FindText("SourcePath") is { } source && application.RecipeFolder is { } folder && File.Exists(Path.Combine(folder, source)))
            {
                content = await File.ReadAllBytesAsync(Path.Combine(folder, source), cancellationToken);
            }

            if (content is not null)
            {
                await application.Media.StageAsync(TargetPath(file)!, content, cancellationToken);
                application.Count("media files");
            }
        }
    }

    private static string? TargetPath(JsonObject file) => file.FindText("TargetPath") ?? file.FindText("Path");

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length * 3 / 4 + 3];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            Array.Resize(ref bytes, written);
            return true;
        }

        return false;
    }
}
