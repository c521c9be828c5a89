using System.Net;
using System.Text.RegularExpressions;
using Envoi.Core.Mime;
using Envoi.Core.Signatures.Placement;

namespace Envoi.Core.Tracking;

/// <summary>
/// The links Envoi may rewrite, only inside the blocks Envoi inserted (signature, banner). In HTML:
/// <c>href</c>s of anchors and the <c>src</c> of banner images; in text: URLs written bare or in
/// angle brackets. Positions are those of the URL in the source, so each can be replaced without
/// touching anything else.
/// </summary>
internal static partial class TrackableLinks
{
    /// <param name="Value">The URL as a reader follows it (HTML entities decoded).</param>
    public sealed record Found(int Start, int Length, string Value, LinkKind Kind, bool InBanner);

    public static List<Found> FindInHtml(string html)
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
                found.Add(new Found(value.Index, value.Length, WebUtility.HtmlDecode(value.Value).Trim(), kind, inBanner));
            }
        }
        return found;
    }

    /// <summary>
    /// The URLs of a text block [start, end): <c>&lt;https://…&gt;</c> as delimited, a bare URL up to
    /// the first space, less the punctuation that ends a sentence around it ("see https://x.test/a.").
    /// </summary>
    public static List<Found> FindInText(string text, int start, int end, bool inBanner)
    {
        var found = new List<Found>();
        foreach (Match match in TextUrl().Matches(text[..end], start))
        {
            var value = match.Groups["v"];
            var length = match.Groups["angle"].Success ? value.Length : WithoutTrailingPunctuation(value.Value);
            if (length > 0) found.Add(new Found(value.Index, length, value.Value[..length], LinkKind.Click, inBanner));
        }
        return found;
    }

    /// <summary>A closing bracket stays when the URL opened it (Wikipedia's "…_(disambiguation)").</summary>
    private static int WithoutTrailingPunctuation(string url)
    {
        var length = url.Length;
        while (length > 0)
        {
            var last = url[length - 1];
            var opening = last switch { ')' => '(', ']' => '[', '}' => '{', _ => '\0' };
            if (".,;:!?'\"*".Contains(last) || (opening != '\0' && Count(url, length, opening) < Count(url, length, last))) length--;
            else break;
        }
        return length;
    }

    private static int Count(string url, int length, char c) => url.AsSpan(0, length).Count(c);

    private static bool IsBanner(string html, int blockStart)
    {
        var close = html.IndexOf('>', blockStart);
        return close > 0 && html.AsSpan(blockStart, close - blockStart).Contains(EnvoiBlocks.BannerAttribute, StringComparison.Ordinal);
    }

    private static Regex AttributeValue(string name) => name == "href" ? Href() : Src();

    [GeneratedRegex("""\shref\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>"']+))""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex("""(?<angle><)(?<v>(?:https?://|mailto:|tel:)[^\s<>]+)>|(?<![\w.+-])(?<v>(?:https?://|mailto:|tel:)[^\s<>"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex TextUrl();

    [GeneratedRegex("""\ssrc\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s>"']+))""", RegexOptions.IgnoreCase)]
    private static partial Regex Src();
}
