using System.Text;
using Envoi.Core;
using Envoi.Core.Signatures.Placement;
using Envoi.Tests.Support;
using MimeKit;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// Parts read from their stored bytes are scanned in pooled buffers and spliced from the part's own
/// stream; parts MimeKit must decode (base64) are scanned as strings and re-encoded. Both ways must
/// put the signature at the same place, including in bodies larger than the large-object-heap
/// threshold, with multi-byte characters before the insertion point, and in messages read from a file.
/// </summary>
public sealed class PooledScanTests
{
    [Theory]
    [InlineData(ContentEncoding.EightBit)]
    [InlineData(ContentEncoding.QuotedPrintable)]
    public void A_large_non_ascii_html_reply_gets_the_signature_where_the_decoding_path_puts_it(ContentEncoding splicedEncoding)
    {
        // ~150 KB of the author's own text (so the scan reads it all), then a Gmail quote.
        var html = new StringBuilder("<html><body><div dir=\"ltr\">");
        for (var i = 0; html.Length < 150_000; i++)
            html.Append("<p>Ligne ").Append(i).Append(" : déjà vu, naïve café, 日本語のテキスト, emoji 🎉 and &amp; an entity</p>\n");
        html.Append("<p>Amitiés,<br>Hélène</p></div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On Mon, Bob wrote:</div>")
            .Append("<blockquote class=\"gmail_quote\">Ça va ?</blockquote></div></body></html>");

        var spliced = Injected(RoundTrip(Message(HtmlPart(html.ToString(), encoding: splicedEncoding))), m => m.HtmlBody!, "<div class=\"envoi-signature\"");
        var decoded = Injected(RoundTrip(Message(HtmlPart(html.ToString(), encoding: ContentEncoding.Base64))), m => m.HtmlBody!, "<div class=\"envoi-signature\"");

        Assert.Equal(decoded, spliced with { Text = decoded.Text }); // the same place, the same words; only an 8bit part's last line break differs
        Assert.EndsWith("Amitiés, Hélène", Visible(spliced.Text[..spliced.Offset]));
        Assert.StartsWith("On Mon, Bob wrote:", Visible(spliced.Text[(spliced.Offset + spliced.Inserted.Length)..]));
    }

    [Theory]
    [InlineData(ContentEncoding.EightBit)]
    [InlineData(ContentEncoding.QuotedPrintable)]
    public void A_bottom_posted_non_ascii_text_reply_gets_the_signature_where_the_decoding_path_puts_it(ContentEncoding splicedEncoding)
    {
        var text = new StringBuilder("Voilà ma réponse, en bas.\r\n\r\nOn Monday, Bob <bob@example.com> wrote:\r\n");
        for (var i = 0; text.Length < 60_000; i++) text.Append("> Ligne ").Append(i).Append(" déjà citée, 日本語 🎉\r\n");
        text.Append("\r\nEt une dernière remarque sous la citation : ça marche.\r\n\r\n\r\n");

        var spliced = Injected(RoundTrip(Message(TextPart(text.ToString(), encoding: splicedEncoding))), m => m.TextBody!, "-- ");
        var decoded = Injected(RoundTrip(Message(TextPart(text.ToString(), encoding: ContentEncoding.Base64))), m => m.TextBody!, "-- ");

        Assert.Contains("bottom-posted", spliced.Explanation);
        Assert.Equal(decoded, spliced);
        Assert.EndsWith("ça marche.\n", spliced.Text[..spliced.Offset].ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_message_parsed_from_a_file_is_spliced_from_the_file_and_every_other_byte_is_kept()
    {
        var directory = TempDirectory.Create("envoi-splice-file");
        try
        {
            var body = new BodyBuilder
            {
                TextBody = "Bien reçu, merci.\nHélène\n\nOn Monday, Bob <bob@example.com> wrote:\n> Ça marche ?\n",
                HtmlBody = "<div>Bien reçu, merci.<br>Hélène</div><div class=\"gmail_quote\">On Monday, Bob wrote:<blockquote>Ça marche ?</blockquote></div>",
            };
            body.Attachments.Add("notes.txt", Encoding.UTF8.GetBytes(new string('x', 50_000)), new ContentType("text", "plain"));
            var original = Message(body.ToMessageBody());
            foreach (var part in original.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment)) part.ContentTransferEncoding = ContentEncoding.EightBit;
            var input = Path.Combine(directory, "in.eml");
            File.WriteAllBytes(input, Bytes(original));
            var before = MimeMessage.Load(input);

            string output;
            using (var stream = File.OpenRead(input))
            {
                var message = MimeMessage.Load(stream, persistent: true);
                var result = SignatureInjector.Inject(message, Standard);
                Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
                output = Path.Combine(directory, "out.eml");
                using var file = File.Create(output);
                message.WriteTo(WireFormat.Options, file);
            }

            var after = MimeMessage.Load(output);
            var (_, insertedText) = SingleInsertion(before.TextBody!.ReplaceLineEndings("\n"), after.TextBody!.ReplaceLineEndings("\n"), "\nJane Doe");
            Assert.Contains("ACME Corp · +33", insertedText);
            var (htmlOffset, _) = SingleInsertion(before.HtmlBody!, after.HtmlBody!, "<div class=\"envoi-signature\"");
            Assert.EndsWith("Hélène</div>", after.HtmlBody![..htmlOffset]);
            Assert.Equal(Decoded(before.Attachments.OfType<MimePart>().Single()), Decoded(after.Attachments.OfType<MimePart>().Single()));
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private sealed record Injection(string Text, int Offset, string Inserted, string Explanation);

    /// <summary>Injects, reads the body back as the recipient gets it and finds the one insertion.</summary>
    private static Injection Injected(MimeMessage message, Func<MimeMessage, string> body, string insertedStart)
    {
        var before = body(message);
        var result = SignatureInjector.Inject(message, Standard);
        Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
        var after = body(RoundTrip(message));
        var (offset, inserted) = SingleInsertion(before, after, insertedStart);
        return new Injection(after, offset, inserted, result.Explanation);
    }

    private static byte[] Decoded(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
