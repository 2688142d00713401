using System.Globalization;
using Cms.Content.Handlers;
using Cms.Modules;
using Cms.Practice.Site;

namespace Cms.Practice.Handlers;

/// <summary>A practice's accent colour must keep links and button text readable (WCAG AA, 4.5:1) on the theme's background.</summary>
internal sealed class AccentColorHandler : IContentHandler, IFeatureOwned
{
    public string Feature => PracticeModule.Feature;

    public Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        if (context.Item.ContentType != "PracticeSettings" || new ItemReader(context.Item.Data, "PracticeSettings").Text("AccentColor") is not { } color)
        {
            return Task.CompletedTask;
        }

        if (Contrast.Parse(color) is not { } rgb)
        {
            context.AddError("PracticeSettings.AccentColor", $"“{color}” is not a colour; write it as # and six hexadecimal digits, like #3f6b5c.");
        }
        else if (Contrast.Readable(color) is null)
        {
            var ratio = Math.Min(Contrast.Ratio(rgb, Contrast.Parse(Contrast.Background)!.Value), Contrast.Ratio(rgb, (255, 255, 255)));
            context.AddError("PracticeSettings.AccentColor", string.Create(CultureInfo.InvariantCulture,
                $"{color} is too light to read: its contrast is {ratio:0.0}:1, and links and buttons need at least {Contrast.Minimum}:1. Choose a darker shade."));
        }

        return Task.CompletedTask;
    }
}
