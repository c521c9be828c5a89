using Envoi.Core.Green.Images;

namespace Envoi.Core.Green;

/// <summary>The <c>Green</c> configuration section: image optimization, the weight budget, the brand lint and the CO2 model.</summary>
public sealed class GreenOptions
{
    /// <summary>A signature heavier than this (HTML, text and its images, for the sample sender) gets a warning when saved. Default 20 KB.</summary>
    public int BudgetBytes { get; set; } = 20 * 1024;

    /// <summary>Brand colors (<c>#0a3d62</c>, <c>#fff</c>, <c>rgb(…)</c>); empty: colors are not linted.</summary>
    public List<string> BrandColors { get; set; } = [];

    /// <summary>Brand font families (<c>Arial</c>, <c>Helvetica</c>); generic families (<c>sans-serif</c>…) are always allowed. Empty: fonts are not linted.</summary>
    public List<string> BrandFonts { get; set; } = [];

    public ImageOptimizationOptions Images { get; set; } = new();

    public Co2Factors Co2 { get; set; } = new();
}
