using Envoi.Core.Directory;
using Envoi.Core.Green.Images;
using Envoi.Core.Green.Traffic;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;

namespace Envoi.Core.Green.Report;

/// <summary>
/// Builds the <see cref="GreenReport"/>: every signature rendered for the sample sender and for each
/// employee who sent with it, joined with the traffic the signature stage counted.
/// </summary>
public sealed class GreenReportBuilder(ISignatureStore templates, ISignatureAssetStore assets, IAssetOriginals originals, ISignatureTraffic traffic, SignatureTrafficRecorder recorder,
    SignatureResolver resolver, SignatureComposer composer, AttributeCatalog catalog, IDirectoryStore directory, LinkSigningKey links, GreenOptions options, TimeProvider clock)
{
    public async Task<GreenReport> BuildAsync(int days, CancellationToken ct)
    {
        days = Math.Clamp(days, 1, 3660);
        var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = to.AddDays(1 - days);
        var (perMonth, perYear) = (30.0 / days, 365.0 / days);
        var co2 = options.Co2;
        var sizes = (await assets.ListAsync(ct)).ToDictionary(a => a.Name, a => a.Bytes, StringComparer.Ordinal);
        var originalSizes = await originals.OriginalSizesAsync(ct);
        // What this node counted and has not written yet belongs in the report too.
        await recorder.FlushAsync(ct);
        var counts = await traffic.ReadAsync(from, to, ct);
        var sample = SampleSender.For(await catalog.AllAsync(ct));

        var signatureRows = new List<SignatureGreenRow>();
        var employeeRows = new List<EmployeeGreenRow>();
        foreach (var template in await templates.TemplatesAsync(ct))
        {
            var designed = await WeighAsync(template, sample, sizes, originalSizes, ct);
            var (transferred, stored, savedTransferred, savedStored) = (0.0, 0.0, 0.0, 0.0);
            var mine = counts.Where(c => string.Equals(c.Signature, template.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var byEmployee in mine.GroupBy(c => c.EmployeeId))
            {
                var employee = await directory.FindByIdAsync(byEmployee.Key, ct);
                var sender = employee is null ? null : await resolver.FindSenderAsync([employee.Email], ct);
                // An employee deleted since: their traffic still counts, weighed like the sample sender.
                var weight = sender is null ? designed : await WeighAsync(template, sender, sizes, originalSizes, ct);
                var (messages, recipients, added) = (byEmployee.Sum(c => c.Messages), byEmployee.Sum(c => c.Recipients), byEmployee.Sum(c => c.BytesAdded));
                // Each recipient gets the added bytes and downloads the hosted images; each recipient's mailbox and the sender's Sent folder keep a copy.
                var (t, s) = (byEmployee.Sum(c => (double)c.BytesAdded * c.Recipients / Math.Max(1, c.Messages)) + (double)recipients * weight.Weight.HostedImageBytes,
                    byEmployee.Sum(c => (double)c.BytesAdded * (c.Recipients + c.Messages) / Math.Max(1, c.Messages)));
                transferred += t; stored += s;
                savedTransferred += (double)recipients * (weight.SavedEmbedded + weight.SavedHosted);
                savedStored += (double)(recipients + messages) * weight.SavedEmbedded;
                employeeRows.Add(new EmployeeGreenRow(template.Name, employee?.Email ?? $"#{byEmployee.Key}", weight.Weight.HtmlBytes, weight.Weight.TextBytes,
                    weight.Weight.EmbeddedImageBytes, weight.Weight.HostedImageBytes, messages, recipients, added, (long)Math.Round(added * perMonth), co2.Grams(t, s) * perMonth));
            }
            var (totalMessages, totalRecipients, totalAdded) = (mine.Sum(c => c.Messages), mine.Sum(c => c.Recipients), mine.Sum(c => c.BytesAdded));
            signatureRows.Add(new SignatureGreenRow(template.Name, template.Images == ImageMode.Embedded ? "embedded" : "hosted",
                designed.Weight.HtmlBytes, designed.Weight.TextBytes, designed.Weight.EmbeddedImageBytes, designed.Weight.HostedImageBytes, designed.Weight.TotalBytes > options.BudgetBytes,
                mine.Select(c => c.EmployeeId).Distinct().Count(), totalMessages, totalRecipients,
                totalMessages == 0 ? designed.Weight.BytesAdded : totalAdded / totalMessages,
                (long)Math.Round(totalAdded * perMonth), (long)Math.Round(totalAdded * perYear), (long)Math.Round(transferred * perMonth),
                co2.Grams(transferred, stored) * perMonth, co2.Grams(transferred, stored) * perYear,
                (long)Math.Round((savedTransferred + savedStored) * perMonth), co2.Grams(savedTransferred, savedStored) * perMonth));
        }
        return new GreenReport(from, to, days, co2.Describe(), options.BudgetBytes, signatureRows, employeeRows);
    }

    private sealed record Weighed(SignatureWeight Weight, int SavedEmbedded, int SavedHosted);

    private async Task<Weighed> WeighAsync(SignatureTemplate template, SignatureSender sender, Dictionary<string, int> sizes, IReadOnlyDictionary<string, int> originalSizes, CancellationToken ct)
    {
        RenderedSignature rendered;
        try
        {
            rendered = await composer.RenderAsync(template, sender, ct);
        }
        catch (Signatures.Templates.SignatureTemplateException)
        {
            return new Weighed(new SignatureWeight(0, 0, 0, 0), 0, 0); // no longer renders (a deleted image): it adds nothing now
        }
        int Saved(string name) => originalSizes.TryGetValue(name, out var original) ? Math.Max(0, original - sizes.GetValueOrDefault(name)) : 0;
        return new Weighed(SignatureWeight.Of(rendered, links.BaseUrl, sizes),
            rendered.Images.Sum(image => Saved(image.FileName)),
            SignatureWeight.HostedAssets(rendered.Html, links.BaseUrl).Sum(Saved));
    }
}
