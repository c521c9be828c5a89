using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Templates;

namespace Envoi.Core.Green.Images;

/// <summary>
/// Saving and re-optimizing signature images, for the REST API and the CLI alike: every upload is
/// checked (<see cref="AssetUpload"/>, then <see cref="SafeImageDecoder"/>'s limits), optimized for
/// the size the templates show it, and saved with its original.
/// </summary>
public sealed class SignatureImages(ISignatureAssetStore assets, IAssetOriginals originals, ISignatureStore templates, ImageOptimizationOptions options)
{
    /// <returns>The optimization (its <c>Content</c> is what is now served), or the reason the upload was refused.</returns>
    public async Task<(OptimizedImage? Image, string? Problem)> UploadAsync(string name, byte[] content, CancellationToken ct)
    {
        var (type, problem) = AssetUpload.Check(name, content);
        if (type is null) return (null, problem);
        OptimizedImage image;
        try
        {
            image = options.OptimizeOnUpload
                ? ImageOptimizer.Optimize(content, TemplateDisplaySizes.For(name, await templates.TemplatesAsync(ct)), options)
                : Unoptimized(content);
        }
        catch (UnsafeImageException e)
        {
            return (null, e.Message);
        }
        var served = new SignatureAsset(name, image.ContentType, image.Content);
        if (image.Changed) await originals.SaveAsync(served, new SignatureAsset(name, type, content), ct);
        else await assets.SaveAsync(served, ct);
        return (image, null);
    }

    /// <summary>Optimizes every uploaded image again, from its original, for the sizes the templates show now.</summary>
    /// <param name="apply">False: only report what would change.</param>
    public async Task<IReadOnlyList<ImageOptimization>> OptimizeAllAsync(bool apply, IProgress<string>? progress, CancellationToken ct)
    {
        var allTemplates = await templates.TemplatesAsync(ct);
        var results = new List<ImageOptimization>();
        foreach (var info in await assets.ListAsync(ct))
        {
            progress?.Report(info.Name);
            var original = await originals.OriginalAsync(info.Name, ct) ?? await assets.FindAsync(info.Name, ct);
            if (original is null) continue;
            try
            {
                var image = ImageOptimizer.Optimize(original.Content, TemplateDisplaySizes.For(info.Name, allTemplates), options);
                results.Add(new ImageOptimization(info.Name, info.Bytes, image.Bytes, image.OriginalWidth, image.OriginalHeight, image.Width, image.Height, image.Note, null));
                if (apply && image.Bytes != info.Bytes)
                {
                    var served = new SignatureAsset(info.Name, image.ContentType, image.Content);
                    if (image.Changed) await originals.SaveAsync(served, original, ct);
                    else await assets.SaveAsync(served, ct);
                }
            }
            catch (UnsafeImageException e)
            {
                results.Add(new ImageOptimization(info.Name, info.Bytes, info.Bytes, 0, 0, 0, 0, "left as it is", e.Message));
            }
        }
        return results;
    }

    private OptimizedImage Unoptimized(byte[] content)
    {
        // Still read the header: a bomb must not be stored even when optimizing is off.
        var facts = SafeImageDecoder.Inspect(content, options);
        return new OptimizedImage(content, facts.ContentType, content.Length, facts.Width, facts.Height, facts.Width, facts.Height, false, "optimization is off");
    }
}

/// <summary>One line of the before/after report of <c>envoi images optimize</c>.</summary>
/// <param name="BytesBefore">What was served before.</param>
/// <param name="BytesAfter">What is served after (or would be, in a dry run).</param>
/// <param name="Problem">Why the image could not be optimized (it stays as it is).</param>
public sealed record ImageOptimization(string Name, int BytesBefore, int BytesAfter, int WidthBefore, int HeightBefore, int WidthAfter, int HeightAfter, string Note, string? Problem)
{
    public int SavedBytes => BytesBefore - BytesAfter;
}
