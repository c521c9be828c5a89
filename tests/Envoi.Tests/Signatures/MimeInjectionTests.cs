using System.Text;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using MimeKit;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>Which parts of a MIME tree get the signature, and that nothing else changes by a byte.</summary>
public sealed class MimeInjectionTests
{
    private const string Reply = "<html><body><div>Thanks,<br>Alex</div><div class=\"gmail_quote\">On Monday, Bob wrote:<blockquote>Hello</blockquote></div></body></html>";
    private const string TextReply = "Thanks,\nAlex\n\nOn Monday, Bob <bob@example.com> wrote:\n> Hello\n";

    [Fact]
    public void Alternative_gets_the_html_form_in_html_and_the_text_form_in_text()
    {
        var message = Message(new MultipartAlternative { TextPart(TextReply), HtmlPart(Reply) });

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted above the Gmail quote (gmail_quote) in text/html and above 'On … wrote:' in text/plain", result.Explanation);
        var sent = RoundTrip(message);
        Assert.Contains("data-envoi-signature=\"standard\"><p>Jane Doe<br>", sent.HtmlBody);
        Assert.Contains("Alex\n\nJane Doe\nACME Corp", sent.TextBody!.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("<p>", sent.TextBody);
    }

    [Fact]
    public void Attached_text_and_html_files_are_not_bodies_and_keep_their_bytes()
    {
        var attachedText = Attachment(TextPart("Thanks,\nAlex\n"), "notes.txt");
        var attachedHtml = Attachment(HtmlPart("<p>Report</p>"), "report.html");
        var pdf = new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream(new byte[3000])), FileName = "a.pdf", ContentTransferEncoding = ContentEncoding.Base64 };
        var message = Message(new Multipart("mixed") { new MultipartAlternative { TextPart(TextReply), HtmlPart(Reply) }, attachedText, attachedHtml, pdf });
        var before = new[] { attachedText, attachedHtml, pdf }.Select(Bytes).ToArray();

        Assert.Equal(InjectionOutcome.Inserted, SignatureInjector.Inject(message, Standard).Outcome);

        var sent = RoundTrip(message);
        var parts = sent.BodyParts.ToList();
        Assert.Equal(before, parts.Skip(2).Select(Bytes).ToArray());
        Assert.Contains("envoi-signature", sent.HtmlBody);
    }

    [Fact]
    public void Decoded_text_differs_only_at_the_insertion_point_and_other_parts_keep_their_bytes()
    {
        var text = TextPart(TextReply);
        var html = HtmlPart(Reply, encoding: ContentEncoding.Base64);
        var message = Message(new MultipartAlternative { text, html });
        var htmlBefore = html.Text;
        var textBytes = Bytes(text);

        SignatureInjector.Inject(message, Standard with { Text = "" }); // text form empty: only HTML changes
        var sent = RoundTrip(message);

        SingleInsertion(htmlBefore, ((TextPart)sent.BodyParts.Last()).Text, "<div class=\"envoi-signature\"");
        Assert.Equal(ContentEncoding.Base64, ((MimePart)sent.BodyParts.Last()).ContentTransferEncoding);
        Assert.Equal(textBytes, Bytes(sent.BodyParts.First()));
    }

    [Fact]
    public void Latin1_quoted_printable_part_stays_latin1_and_quoted_printable()
    {
        var html = HtmlPart("<html><body><p>Merci beaucoup, à bientôt,<br>Hélène</p></body></html>", "iso-8859-1");
        var message = Message(html, "Facture");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted before </body> in text/html", result.Explanation);
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal("iso-8859-1", sent.ContentType.Charset);
        Assert.Equal(ContentEncoding.QuotedPrintable, sent.ContentTransferEncoding);
        Assert.Contains("à bientôt,<br>Hélène</p><div class=\"envoi-signature\" data-envoi-signature=\"standard\"><p>Jane Doe<br>ACME Corp · +33", sent.Text);
        Assert.Contains("=B7", Encoding.ASCII.GetString(Bytes(sent))); // "·" written in Latin-1
    }

    [Fact]
    public void Signature_the_charset_cannot_carry_switches_the_part_to_utf8_and_says_so()
    {
        var message = Message(TextPart("Bonjour,\nHélène\n", "iso-8859-1"), "Facture");
        var euro = RenderedSignature.FromParts("euro", "<p>Prix 5 €</p>", "Hélène Martin\nPrix 5 € — 東京");

        var result = SignatureInjector.Inject(message, euro);

        Assert.Contains("switched to UTF-8", result.Explanation);
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal("utf-8", sent.ContentType.Charset);
        Assert.Equal("Bonjour,\nHélène\n-- \nHélène Martin\nPrix 5 € — 東京\n", sent.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Html_in_a_charset_that_cannot_carry_the_signature_gets_character_references_and_keeps_its_charset()
    {
        var message = Message(HtmlPart("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Bonjour,<br>Hélène</p></body></html>", "iso-8859-1"), "Facture");
        SignatureInjector.Inject(message, RenderedSignature.FromParts("euro", "<p>Prix 5 € — 東京</p>", ""));
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal("iso-8859-1", sent.ContentType.Charset);
        Assert.Contains("<p>Prix 5 &#x20AC; &#x2014; &#x6771;&#x4EAC;</p>", sent.Text);
        Assert.Contains("Hélène", sent.Text);
    }

    [Fact]
    public void A_part_without_a_charset_declares_one_when_the_signature_brings_non_ascii_characters()
    {
        // What swaks and many scripts send: no Content-Type at all, so readers assume US-ASCII.
        var raw = "From: jane@example.com\r\nTo: bob@example.com\r\nSubject: Hi\r\n\r\nHi Bob,\r\nJane\r\n";
        var message = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(raw)));
        SignatureInjector.Inject(message, Standard);
        var sent = RoundTrip(message);
        Assert.Equal("utf-8", ((TextPart)sent.Body!).ContentType.Charset);
        Assert.Contains("ACME Corp · +33", sent.TextBody);
    }

    [Theory]
    [InlineData("--\nJane Doe")]
    [InlineData("-- \nJane Doe")]
    public void A_template_with_its_own_delimiter_gets_exactly_one(string signatureText)
    {
        var message = Text("Hello Bob,\nJane\n", "Lunch");
        SignatureInjector.Inject(message, RenderedSignature.FromParts("plain", "", signatureText));
        Assert.Equal("Hello Bob,\nJane\n-- \nJane Doe\n", RoundTrip(message).TextBody!.ReplaceLineEndings("\n"));

        var reply = Text("Sure.\nJane\n\nOn Mon, Bob wrote:\n> Lunch?\n");
        SignatureInjector.Inject(reply, RenderedSignature.FromParts("plain", "", signatureText));
        Assert.DoesNotContain("--", RoundTrip(reply).TextBody);
    }

    [Fact]
    public void Seven_bit_part_that_now_needs_eight_bits_becomes_quoted_printable()
    {
        var message = Message(TextPart("Hello Bob,\nAlex\n", "us-ascii", ContentEncoding.SevenBit), "Figures");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Contains("now quoted-printable", result.Explanation);
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal(ContentEncoding.QuotedPrintable, sent.ContentTransferEncoding);
        Assert.Equal("utf-8", sent.ContentType.Charset); // "·" is not ASCII either
        Assert.EndsWith("ACME Corp · +33 1 23 45 67 89\n", sent.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Embedded_images_wrap_a_lone_html_body_in_multipart_related()
    {
        var message = Html(Reply);

        SignatureInjector.Inject(message, WithLogo);

        var related = Assert.IsType<MultipartRelated>(RoundTrip(message).Body);
        Assert.True(((TextPart)related[0]).IsHtml);
        var logo = Assert.IsType<MimePart>(related[1]);
        Assert.Equal("logo@envoi", logo.ContentId);
        Assert.Equal(ContentDisposition.Inline, logo.ContentDisposition!.Disposition);
        Assert.Equal([1, 2, 3], ((MemoryStream)Decoded(logo)).ToArray());
    }

    [Fact]
    public void Embedded_images_join_an_existing_multipart_related_inside_alternative_once()
    {
        var photo = new MimePart("image", "jpeg") { ContentId = "photo@client", Content = new MimeContent(new MemoryStream([9, 9])) };
        var message = Message(new MultipartAlternative { TextPart(TextReply), new MultipartRelated { HtmlPart(Reply), photo } });

        SignatureInjector.Inject(message, WithLogo);
        SignatureInjector.Inject(message, WithLogo);

        var alternative = Assert.IsType<MultipartAlternative>(RoundTrip(message).Body);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.Equal(["photo@client", "logo@envoi"], related.Skip(1).Select(p => p.ContentId ?? "").ToArray());
    }

    [Fact]
    public void Calendar_invitation_keeps_its_bytes_and_its_place()
    {
        var calendar = new TextPart("calendar") { Text = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n" };
        calendar.ContentType.Parameters.Add("method", "REQUEST");
        var message = Message(new MultipartAlternative { TextPart("Let's meet.\n"), HtmlPart("<p>Let's meet.</p>"), calendar }, "Review");
        var before = Bytes(calendar);

        SignatureInjector.Inject(message, Standard);

        var alternative = Assert.IsType<MultipartAlternative>(RoundTrip(message).Body);
        Assert.Equal(3, alternative.Count);
        Assert.Equal(before, Bytes(alternative[2]));
    }

    [Fact]
    public void Signed_reports_and_automatic_messages_are_left_untouched()
    {
        var signed = Message(new Multipart("signed") { TextPart("Hello\n"), new MimePart("application", "pkcs7-signature") { Content = new MimeContent(new MemoryStream([1])) } });
        var report = Message(new MultipartReport("delivery-status") { TextPart("It bounced.\n") });
        var automatic = Text("I am away.\n");
        automatic.Headers.Add("Auto-Submitted", "auto-replied");

        foreach (var message in new[] { MimeMessage.Load(new MemoryStream(Bytes(signed))), report, automatic })
        {
            var before = Bytes(message);
            var result = SignatureInjector.Inject(message, Standard);
            Assert.Equal(InjectionOutcome.Protected, result.Outcome);
            Assert.Equal(before, Bytes(message));
        }
    }

    [Fact]
    public void A_message_with_only_an_attachment_has_no_text_body()
    {
        var pdf = new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream([1])), FileName = "a.pdf" };

        Assert.Equal(InjectionOutcome.NoTextBody, SignatureInjector.Inject(Message(pdf), Standard).Outcome);
    }

    private static readonly RenderedSignature WithLogo = Standard with
    {
        Html = "<p><img src=\"cid:logo@envoi\" alt=\"ACME\"> Jane Doe</p>",
        Images = [new SignatureImage("logo@envoi", "logo.png", "image/png", [1, 2, 3])],
    };

    private static MimePart Attachment(MimePart part, string name)
    {
        part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = name };
        return part;
    }

    private static Stream Decoded(MimePart part)
    {
        var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream;
    }
}
