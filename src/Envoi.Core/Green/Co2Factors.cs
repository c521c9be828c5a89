namespace Envoi.Core.Green;

/// <summary>
/// The CO2 model: an <b>estimate</b>, meant to compare signatures and show what optimizing saves,
/// not an audited footprint. Defaults:
/// <list type="bullet">
/// <item>0.81 kWh per GB transferred: the Sustainable Web Design model, version 3 (2022), which counts
/// data centres, networks and end-user devices together;</item>
/// <item>442 gCO2e per kWh: the global average grid intensity that model uses (Ember, Global Electricity
/// Review 2022, year 2021);</item>
/// <item>0.03 kWh per GB stored for a year: an assumption built from hard-disk power measurements
/// published by Backblaze (2016, about 10–35 kWh per TB and year) with cooling and a second copy.</item>
/// </list>
/// Set your provider's or your country's figures in the <c>Green:Co2</c> section.
/// </summary>
public sealed class Co2Factors
{
    public double KwhPerGbTransferred { get; set; } = 0.81;

    public double KwhPerGbStoredPerYear { get; set; } = 0.03;

    public double GramsCo2PerKwh { get; set; } = 442;

    /// <summary>How long mailboxes keep a message (years): the stored bytes are charged for that long.</summary>
    public double RetentionYears { get; set; } = 1;

    public const double BytesPerGb = 1_000_000_000;

    /// <summary>Grams of CO2e for bytes carried over the network and bytes kept in mailboxes.</summary>
    public double Grams(double bytesTransferred, double bytesStored) =>
        (bytesTransferred / BytesPerGb * KwhPerGbTransferred + bytesStored / BytesPerGb * KwhPerGbStoredPerYear * RetentionYears) * GramsCo2PerKwh;

    public string Describe() =>
        $"{KwhPerGbTransferred} kWh/GB transferred (Sustainable Web Design v3, 2022), {KwhPerGbStoredPerYear} kWh/GB stored per year × {RetentionYears} year(s), {GramsCo2PerKwh} gCO2e/kWh (Ember 2022, world 2021); an estimate";
}
