using System.Text;
using Envoi.Core.Signatures.Placement;
using MimeKit;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// Parsed parts (content still in its transfer encoding) get the signature spliced into their
/// stored bytes: everything around the insertion point is the original bytes, and the decoded
/// text is the original text with the signature inserted.
/// </summary>
public sealed class EncodedSpliceTests
{
    [Fact]
    public void Quoted_printable_insertion_mid_line_right_after_an_escape_keeps_every_other_byte_and_decodes_to_the_text_plus_signature()
    {
        var body = "<html><body><p>Merci pour les chiffres, ils me semblent justes. =C3=80 bien=\r\n" +
                   "t=C3=B4t,<br>H=C3=A9l=C3=A8ne =E2=80=94 Finance</body></html>\r\n";
        var message = Parse("text/html; charset=utf-8", "quoted-printable", body);
        var before = ((TextPart)message.Body!).Text;

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted before </body> in text/html", result.Explanation);
        var written = Encoding.ASCII.GetString(Bytes(message));
        var insertion = written.IndexOf("Finance", StringComparison.Ordinal) + "Finance".Length;
        Assert.StartsWith("=\r\n", written[insertion..]); // a soft break, then the signature on lines of its own
        Assert.Contains(body[..(body.IndexOf("Finance", StringComparison.Ordinal) + "Finance".Length)], written);
        Assert.EndsWith("=\r\n</body></html>\r\n", written);
        Assert.All(BodyLines(written), line => Assert.True(line.Length <= 76, $"line over 76: {line}"));

        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal(ContentEncoding.QuotedPrintable, sent.ContentTransferEncoding);
        var (_, inserted) = SingleInsertion(before, sent.Text, "<div class=\"envoi-signature\"");
        Assert.Contains("ACME Corp · +33", inserted);
    }

    [Fact]
    public void Quoted_printable_insertion_at_the_start_of_a_line_needs_no_soft_break_before_it()
    {
        var body = "Thanks,\r\nAlex\r\n\r\nOn Monday, Bob <bob@example.com> wrote:\r\n> Caf=C3=A9 =3D fine\r\n";
        var message = Parse("text/plain; charset=utf-8", "quoted-printable", body);
        var before = ((TextPart)message.Body!).Text;

        SignatureInjector.Inject(message, Standard);

        var written = Encoding.ASCII.GetString(Bytes(message));
        Assert.Contains("Thanks,\r\nAlex\r\n\r\nJane Doe\r\nACME Corp =C2=B7 +33 1 23 45 67 89\r\n\r\nOn Monday, Bob <bob@example.com> wrote:\r\n> Caf=C3=A9 =3D fine\r\n", written);
        SingleInsertion(before.ReplaceLineEndings("\n"), RoundTrip(message).TextBody!.ReplaceLineEndings("\n"), "Jane Doe");
    }

    [Fact]
    public void Seven_bit_html_stays_seven_bit_with_character_references()
    {
        var body = "<html><body><p>Thanks,<br>Alex</p></body></html>\r\n";
        var message = Parse("text/html; charset=utf-8", "7bit", body);

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted before </body> in text/html", result.Explanation);
        var written = Bytes(message);
        Assert.DoesNotContain(written, b => b >= 0x80);
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal(ContentEncoding.SevenBit, sent.ContentTransferEncoding);
        Assert.Contains("<p>Thanks,<br>Alex</p><div class=\"envoi-signature\" data-envoi-signature=\"standard\"><p>Jane Doe<br>ACME Corp &#xB7; +33", sent.Text);
    }

    [Fact]
    public void Seven_bit_text_becomes_8bit_and_keeps_its_bytes()
    {
        var body = "Hello Bob,\r\nAlex\r\n";
        var message = Parse("text/plain; charset=utf-8", "7bit", body);

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Contains("now 8bit", result.Explanation);
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal(ContentEncoding.EightBit, sent.ContentTransferEncoding);
        Assert.Equal("Hello Bob,\r\nAlex\r\n-- \r\nJane Doe\r\nACME Corp · +33 1 23 45 67 89\r\n", BodyOf(Bytes(message), Encoding.UTF8));
    }

    [Theory]
    [InlineData("8bit")]
    [InlineData("binary")]
    public void Eight_bit_and_binary_parts_get_the_signature_between_their_original_bytes(string transfer)
    {
        var body = "Merci Hélène,\r\nAlex\r\n\r\nLe lundi, Hélène <h@example.com> a écrit :\r\n> Bonjour\r\n";
        var message = Parse("text/plain; charset=utf-8", transfer, body);

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted above 'Le … a écrit :' in text/plain", result.Explanation);
        Assert.Equal(body.Replace("Alex\r\n\r\n", "Alex\r\n\r\nJane Doe\r\nACME Corp · +33 1 23 45 67 89\r\n\r\n"), BodyOf(Bytes(message), Encoding.UTF8));
        Assert.Equal(transfer, RoundTrip(message).Body!.Headers[HeaderId.ContentTransferEncoding]);
    }

    [Fact]
    public void Latin1_identity_part_splices_latin1_bytes()
    {
        var body = "<html><body><p>Merci, Hélène</p></body></html>\r\n";
        var message = Parse("text/html; charset=iso-8859-1", "8bit", body, Encoding.Latin1);

        SignatureInjector.Inject(message, Standard);

        var written = BodyOf(Bytes(message), Encoding.Latin1);
        Assert.StartsWith("<html><body><p>Merci, Hélène</p><div class=\"envoi-signature\"", written);
        Assert.Contains("ACME Corp · +33", written);
        Assert.EndsWith("</body></html>\r\n", written);
    }

    [Fact]
    public void A_splice_that_would_make_a_line_over_998_octets_falls_back_to_quoted_printable()
    {
        var body = "<html><body><p>" + new string('x', 900) + "</p></body></html>\r\n";
        var message = Parse("text/html; charset=utf-8", "7bit", body);
        var before = ((TextPart)message.Body!).Text;

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Contains("now quoted-printable", result.Explanation);
        var sent = (TextPart)RoundTrip(message).Body!;
        Assert.Equal(ContentEncoding.QuotedPrintable, sent.ContentTransferEncoding);
        SingleInsertion(before.ReplaceLineEndings("\n"), sent.Text.ReplaceLineEndings("\n"), "<div class=\"envoi-signature\"");
    }

    [Fact]
    public void Injecting_twice_into_a_spliced_part_adds_nothing()
    {
        var message = Parse("text/plain; charset=utf-8", "quoted-printable", "Hello Bob,\r\nAlex =E2=80=94 Finance\r\n");
        SignatureInjector.Inject(message, Standard);
        var once = Bytes(message);

        var again = RoundTrip(message);
        Assert.Equal(InjectionOutcome.AlreadyPresent, SignatureInjector.Inject(again, Standard).Outcome);
        Assert.Equal(once, Bytes(again));
    }

    private static MimeMessage Parse(string contentType, string transfer, string body, Encoding? encoding = null)
    {
        var headers = $"From: jane@example.com\r\nTo: bob@example.com\r\nSubject: Re: figures\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\nContent-Transfer-Encoding: {transfer}\r\n\r\n";
        var bytes = Encoding.ASCII.GetBytes(headers).Concat((encoding ?? Encoding.UTF8).GetBytes(body)).ToArray();
        return MimeMessage.Load(new MemoryStream(bytes));
    }

    private static string BodyOf(byte[] message, Encoding encoding)
    {
        var start = message.AsSpan().IndexOf("\r\n\r\n"u8) + 4;
        return encoding.GetString(message, start, message.Length - start);
    }

    private static IEnumerable<string> BodyLines(string written) => written[(written.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].Split("\r\n");
}
