using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// For <see cref="ImageMode.Embedded"/>: every image of the rendered HTML that points at Envoi's
/// own assets (<c>{PublicBaseUrl}/assets/NAME</c>, in <c>src</c> or a table's <c>background</c>)
/// is replaced by <c>cid:…</c> and the asset travels with the message. Other images (a photo
/// hosted elsewhere) stay links. An asset that does not exist is an error, not a broken image.
/// </summary>
public static class ImageEmbedder
{
    public static async Task<IReadOnlyList<SignatureImage>> EmbedAsync(IElement root, SignatureModel model, ISignatureAssets assets, string templateName, CancellationToken ct)
    {
        var prefix = model.BaseUrl + "/assets/";
        var images = new Dictionary<string, SignatureImage>(StringComparer.Ordinal);
        foreach (var element in root.QuerySelectorAll("[src], [background]").ToList())
        {
            foreach (var attribute in new[] { "src", "background" })
            {
                var value = element.GetAttribute(attribute)?.Trim();
                if (value is null || !value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) continue;
                var name = Uri.UnescapeDataString(value[prefix.Length..].Split('?', '#')[0]);
                if (!images.TryGetValue(name, out var image))
                {
                    var asset = await assets.FindAsync(name, ct) ?? throw new SignatureTemplateException(
                        $"The signature '{templateName}' embeds the image '{name}', but there is no asset by that name: upload it or correct the template.");
                    image = new SignatureImage(ContentIdOf(asset), asset.Name, asset.ContentType, asset.Content);
                    images[name] = image;
                }
                element.SetAttribute(attribute, "cid:" + image.ContentId);
            }
        }
        return images.Values.ToList();
    }

    /// <summary>
    /// Stable for the same bytes (so a message's parts do not change between renderings) and unlike
    /// the ids of the author's own inline images; only characters allowed in a Content-ID.
    /// </summary>
    private static string ContentIdOf(SignatureAsset asset)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(asset.Content).AsSpan(0, 6));
        var safeName = new StringBuilder();
        foreach (var c in asset.Name) safeName.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-');
        return $"{safeName}.{hash}@envoi";
    }
}
