using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Envoi.Core.Signatures.Model;
using Envoi.Core;
using Envoi.Core.Signatures;
using MimeKit;

namespace Envoi.Tests.Signatures;

/// <summary>Messages and signatures for placement tests, and ways to look at the result.</summary>
public static partial class SignatureMessages
{
    public static readonly RenderedSignature Standard = RenderedSignature.FromParts(
        "standard", "<p>Jane Doe<br>ACME Corp · +33 1 23 45 67 89</p>", "Jane Doe\nACME Corp · +33 1 23 45 67 89");

    public static TextPart HtmlPart(string html, string charset = "utf-8", ContentEncoding encoding = ContentEncoding.QuotedPrintable)
    {
        var part = new TextPart("html") { ContentTransferEncoding = encoding };
        part.SetText(charset, html);
        return part;
    }

    public static TextPart TextPart(string text, string charset = "utf-8", ContentEncoding encoding = ContentEncoding.QuotedPrintable)
    {
        var part = new TextPart("plain") { ContentTransferEncoding = encoding };
        part.SetText(charset, text);
        return part;
    }

    public static MimeMessage Message(MimeEntity body, string subject = "Re: Test message")
    {
        var message = new MimeMessage { Subject = subject, Body = body };
        message.From.Add(MailboxAddress.Parse("jane@example.com"));
        message.To.Add(MailboxAddress.Parse("bob@example.com"));
        return message;
    }

    public static MimeMessage Html(string html, string subject = "Re: Test message") => Message(HtmlPart(html), subject);

    public static MimeMessage Text(string text, string subject = "Re: Test message") => Message(TextPart(text), subject);

    /// <summary>Written to bytes the way the gateway does and parsed again: what the recipient gets.</summary>
    /// <summary>The text with LF line endings, for comparing bodies whatever the part stored.</summary>
    public static string Lf(string text) => text.ReplaceLineEndings("\n");

    public static MimeMessage RoundTrip(MimeMessage message) => MimeMessage.Load(new MemoryStream(Bytes(message)));

    public static byte[] Bytes(MimeEntity entity)
    {
        using var stream = new MemoryStream();
        entity.WriteTo(WireFormat.Options, stream);
        return stream.ToArray();
    }

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(WireFormat.Options, stream);
        return stream.ToArray();
    }

    /// <summary>The visible text of some HTML, whitespace collapsed.</summary>
    public static string Visible(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(Hidden().Replace(html, " "), " ")).Replace('\u00A0', ' ');
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>
    /// Asserts that <paramref name="after"/> is <paramref name="before"/> with one string, starting
    /// with <paramref name="insertedStart"/>, inserted at one point; returns that point and string.
    /// </summary>
    public static (int Offset, string Inserted) SingleInsertion(string before, string after, string insertedStart)
    {
        var offset = after.IndexOf(insertedStart, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{insertedStart}' is not in the result");
        var length = after.Length - before.Length;
        Assert.Equal(before, after.Remove(offset, length));
        return (offset, after.Substring(offset, length));
    }

    public static int Count(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;

    [GeneratedRegex(@"<(style|head|title)[^>]*>.*?</\1>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
