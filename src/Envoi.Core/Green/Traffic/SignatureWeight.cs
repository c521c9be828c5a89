using System.Text;
using System.Text.RegularExpressions;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;

namespace Envoi.Core.Green.Traffic;

/// <summary>
/// The weight of one rendered signature. <see cref="HostedImageBytes"/> is what a recipient downloads
/// on opening the message: the sizes of the distinct <c>/assets/</c> images the HTML still links to.
/// </summary>
public sealed record SignatureWeight(int HtmlBytes, int TextBytes, int EmbeddedImageBytes, int HostedImageBytes)
{
    /// <summary>What the signature adds to the message itself (hosted images travel separately).</summary>
    public int BytesAdded => HtmlBytes + TextBytes + EmbeddedImageBytes;

    public int TotalBytes => BytesAdded + HostedImageBytes;

    public static SignatureWeight Of(RenderedSignature rendered, string baseUrl, IReadOnlyDictionary<string, int> assetBytes) =>
        new(Encoding.UTF8.GetByteCount(rendered.Html), Encoding.UTF8.GetByteCount(rendered.Text),
            rendered.Images.Sum(image => image.Content.Length),
            HostedAssets(rendered.Html, baseUrl).Sum(name => assetBytes.GetValueOrDefault(name)));

    /// <summary>Names of the Envoi-hosted images an HTML form links to, each once (a client downloads an image once per message).</summary>
    public static IReadOnlySet<string> HostedAssets(string html, string baseUrl)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pattern = new Regex(@"(?:src|background)\s*=\s*[""']?" + Regex.Escape(baseUrl.TrimEnd('/') + "/assets/") + @"([^""'\s>?#]+)", RegexOptions.IgnoreCase);
        foreach (Match match in pattern.Matches(html)) names.Add(Uri.UnescapeDataString(match.Groups[1].Value));
        return names;
    }
}
