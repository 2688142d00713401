using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Definitions;

/// <summary>A number field's range and decimal places (Orchard's NumericFieldSettings Minimum, Maximum, Scale).</summary>
public static class NumericFieldSettingsForm
{
    public const int MostDecimalPlaces = 10;

    public static void Apply(JsonObject own, IFormCollection form, List<SettingError> errors)
    {
        var minimum = FieldSettingsForm.Number(form, "Minimum", "minimum", errors);
        var maximum = FieldSettingsForm.Number(form, "Maximum", "maximum", errors);
        if (minimum > maximum)
        {
            errors.Add(new SettingError("Maximum", string.Create(CultureInfo.InvariantCulture, $"The maximum ({maximum}) is less than the minimum ({minimum}).")));
        }

        var scale = 0;
        if (FieldSettingsForm.Text(form, "Scale") is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out scale) || scale > MostDecimalPlaces))
        {
            errors.Add(new SettingError("Scale", $"Decimal places are a whole number from 0 to {MostDecimalPlaces}, not “{text}”."));
        }

        own["Minimum"] = minimum;
        own["Maximum"] = maximum;
        own["Scale"] = scale;
    }
}
