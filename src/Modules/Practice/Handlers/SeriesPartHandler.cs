using System.Globalization;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Modules;
using Cms.Practice.Site;

namespace Cms.Practice.Handlers;

/// <summary>
/// An article in a series needs a part number, and each part number is used once per series (among the
/// articles' current versions, drafts included), so "Part N of M" and the series' order are never ambiguous.
/// </summary>
internal sealed class SeriesPartHandler : IContentHandler, IFeatureOwned
{
    public string Feature => PracticeModule.Feature;

    public const string Part = "Article";
    public const string SeriesField = "Series";
    public const string PartField = "Part";

    public async Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        if (context.Item.Part(Part) is null || new ItemReader(context.Item.Data, Part).Ids(SeriesField) is not [var seriesId, ..])
        {
            return;
        }

        var errorPath = $"{Part}.{PartField}";
        if (new ItemReader(context.Item.Data, Part).Int(PartField) is not { } number)
        {
            context.AddError(errorPath, "Give this article its part number in the series (1 for the first part).");
            return;
        }

        var others = await context.Lookup.FindReferrersAsync(seriesId, $"{Part}.{SeriesField}", context.Item.ContentItemId, cancellationToken);
        if (others.FirstOrDefault(o => new ItemReader(o.Data, Part).Int(PartField) == number) is { } taken)
        {
            var series = await context.Lookup.FindLatestAsync(seriesId, cancellationToken);
            context.AddError(errorPath, string.Create(CultureInfo.InvariantCulture,
                $"Part {number} of “{series?.DisplayText ?? seriesId}” is already “{taken.DisplayText ?? taken.ContentItemId}”. Each part number is used once per series."));
        }
    }
}
