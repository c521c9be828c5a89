using Envoi.Core.Mime;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Finds the blocks Envoi itself inserted into an HTML body (the signature, the banner), as
/// [Start, End) ranges of the source. Later stages act only inside them: the author's text and the
/// quoted thread are never touched.
/// </summary>
internal static class EnvoiBlocks
{
    public const string SignatureAttribute = "data-envoi-signature";
    public const string BannerAttribute = "data-envoi-banner";

    public static List<(int Start, int End)> Find(string html, params string[] markerAttributes)
    {
        var blocks = new List<(int, int)>();
        var tokenizer = new HtmlTokenizer(html);
        var depth = 0;
        var start = -1;
        while (tokenizer.Next(out var token))
        {
            if (!token.IsTag("div") || token.SelfClosing) continue;
            if (token.Kind == HtmlTokenKind.StartTag)
            {
                if (depth > 0) depth++;
                else if (markerAttributes.Any(a => HtmlTokenizer.Attribute(html, token, a) is not null)) { depth = 1; start = token.Start; }
            }
            else if (depth > 0 && --depth == 0) blocks.Add((start, token.End));
        }
        return blocks;
    }
}
