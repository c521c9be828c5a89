using System.Text.RegularExpressions;
using Envoi.Core.Signatures.Placement;

namespace Envoi.Core.Tracking;

/// <summary>
/// The links Envoi may rewrite in an HTML body: <c>href</c>s of anchors and the <c>src</c> of banner
/// images, only inside the blocks Envoi inserted (signature, banner). Positions are those of the
/// attribute value in the source, so each can be replaced without touching anything else.
/// </summary>
internal static partial class TrackableLinks
{
    public sealed record Found(int Start, int Length, string RawValue, LinkKind Kind, bool InBanner);

    public static List<Found> Find(string html)
    {
        var found = new List<Found>();
        foreach (var (start, end) in EnvoiBlocks.Find(html, EnvoiBlocks.SignatureAttribute, EnvoiBlocks.BannerAttribute))
        {
            var inBanner = IsBanner(html, start);
            var tokenizer = new HtmlTokenizer(html, start, end);
            while (tokenizer.Next(out var token))
            {
                if (token.Kind != HtmlTokenKind.StartTag) continue;
                var (attribute, kind) = token.Name switch
                {
                    "a" => ("href", LinkKind.Click),
                    "img" when inBanner => ("src", LinkKind.Image),
                    _ => (null, LinkKind.Click),
                };
                if (attribute is null) continue;
                var match = AttributeValue(attribute).Match(html, token.Start, token.End - token.Start);
                if (!match.Success) continue;
                var value = match.Groups["v"];
                found.Add(new Found(value.Index, value.Length, value.Value, kind, inBanner));
            }
        }
        return found;
    }

    private static bool IsBanner(string html, int blockStart)
    {
        var close = html.IndexOf('>', blockStart);
        return close > 0 && html.AsSpan(blockStart, close - blockStart).Contains(EnvoiBlocks.BannerAttribute, StringComparison.Ordinal);
    }

    private static Regex AttributeValue(string name) => name == "href" ? Href() : Src();

    [GeneratedRegex("""\shref\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>"']+))""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("""\ssrc\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>"']+))""", RegexOptions.IgnoreCase)]
    private static partial Regex Src();
}
