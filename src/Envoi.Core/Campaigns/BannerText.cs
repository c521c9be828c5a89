namespace Envoi.Core.Campaigns;

/// <summary>
/// A banner in a text/plain body: its alt text and its link on one line, the link in angle
/// brackets (RFC 3986, appendix C) so readers never take trailing punctuation into it.
/// </summary>
public static class BannerText
{
    public static string Render(Banner banner)
    {
        var alt = string.Join(' ', banner.Alt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var link = banner.Link.AsSpan().IndexOfAny(" \t\r\n<>\"") >= 0 && Uri.TryCreate(banner.Link, UriKind.Absolute, out var uri) ? uri.AbsoluteUri : banner.Link;
        return alt.Length == 0 ? $"<{link}>" : $"{alt} <{link}>";
    }
}
