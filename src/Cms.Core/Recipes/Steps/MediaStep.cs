using System.Text.Json.Nodes;
using Cms.Media;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>media</c>: files into the tenant's media library, from base64 in the recipe or a file in its folder
/// (<see cref="RecipeFiles"/>), each checked and stripped of metadata as an upload is (<see cref="AcceptedMedia"/>, <see cref="StrippedImage"/>): the public site serves
/// media by extension, so a file must be the image its TargetPath says. Downloads (SourceUrl) are not made: a recipe
/// must not reach out to the network.
/// </summary>
internal sealed class MediaStep : IRecipeStep
{
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

            var target = TargetPath(file) ?? "";
            if (MediaPaths.Problem(target) is { } problem)
            {
                validation.Error(step.Index, pointer + "/TargetPath", problem);
                continue;
            }

            // Orchard recipes bring other files too (SVG logos, PDFs); the library does not take them, as an upload would not.
            if (AcceptedMedia.CheckName(target) is { } notTaken)
            {
                validation.Unsupported(step.Index, pointer + "/TargetPath", $"{notTaken} The file is not imported.");
                continue;
            }

            if (file.FindText("Base64") is { } base64)
            {
                if (!TryDecode(base64, out var bytes))
                {
                    validation.Error(step.Index, pointer + "/Base64", "Base64 is not valid base64 data.");
                }
                else if ((AcceptedMedia.CheckContent(target, bytes.Length, bytes) ?? StrippedImage.From(target, bytes).Error) is { } refused)
                {
                    validation.Error(step.Index, pointer + "/Base64", refused);
                }
            }
            else if (file.FindText("SourcePath") is { } source)
            {
                // A file the recipe may not read is left out, as a missing one is; one that is there must be an image the site takes.
                var (path, refusal) = step.Files.Find(source);
                if (path is null)
                {
                    validation.Unsupported(step.Index, pointer + "/SourcePath", $"{refusal} The file is not imported.");
                }
                else if (CheckFile(path, target) is { } refused)
                {
                    validation.Error(step.Index, pointer + "/SourcePath", refused);
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
        var files = (JsonArray)step.Property("Files")!;
        for (var i = 0; i < files.Count; i++)
        {
            var file = (JsonObject)files[i]!;
            var target = TargetPath(file)!;
            byte[] content;
            if (AcceptedMedia.CheckName(target) is not null)
            {
                continue;
            }

            if (file.FindText("Base64") is { } base64 && TryDecode(base64, out var bytes))
            {
                content = bytes;
            }
            else if (file.FindText("SourcePath") is { } source && step.Files.Find(source).Path is { } path)
            {
                content = await ReadAsync(path, cancellationToken);
            }
            else
            {
                // Reported by the check, as is a file of a type the library does not take: not imported.
                continue;
            }

            // The check read only the file's first bytes; these are the bytes that are stored.
            var (stripped, refused) = AcceptedMedia.CheckContent(target, content.Length, content) is { } wrong ? (null, wrong) : StrippedImage.From(target, content);
            if (stripped is null)
            {
                throw new RecipeApplyException([new RecipeMessage(step.Index, $"{step.PointerOf("Files")}/{i}", refused!)]);
            }

            await application.Media.StageAsync(target, stripped, cancellationToken);
            application.Count("media files");
        }
    }

    // The check decodes the file as the import will, so a file that would be refused then is reported now.
    private static string? CheckFile(string path, string target)
    {
        byte[] head;
        using (var stream = File.OpenRead(path))
        {
            head = new byte[AcceptedMedia.HeadBytes];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (AcceptedMedia.CheckContent(target, stream.Length, head.AsSpan(0, read)) is { } refused)
            {
                return refused;
            }
        }

        return StrippedImage.From(target, File.ReadAllBytes(path)).Error;
    }

    // Never more than one byte over the limit, so a file that grew since the check is refused without being read whole.
    private static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var content = new byte[Math.Min(stream.Length, AcceptedMedia.MaxBytes + 1)];
        var read = await stream.ReadAtLeastAsync(content, content.Length, throwOnEndOfStream: false, cancellationToken);
        return read == content.Length ? content : content[..read];
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
