using Envoi.Core.Signatures.Placement;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>text/plain replies in English, French, German and Spanish, as clients quote them.</summary>
public sealed class PlainTextPlacementTests
{
    public static TheoryData<string, string> Quotes => new()
    {
        { "On Mon, 3 Nov 2025 at 10:00, Bob <bob@example.com> wrote:\n> Hello\n", "'On … wrote:'" },
        { "On Mon, 3 Nov 2025 at 10:00, Bob Smith\n<bob@example.com> wrote:\n> Hello\n", "'On … wrote:'" },
        { "> Hello\n> there\n", "the quoted lines ('>')" },
        { "-----Original Message-----\nFrom: Bob\nSent: Monday\n\nHello\n", "'-----Original Message-----'" },
        { "________________________________\nFrom: Bob <bob@example.com>\nSent: Monday, November 3, 2025 10:00\nTo: Alex\n\nHello\n", "the Outlook separator ('____') and its From: block" },
        { "From: Bob <bob@example.com>\nSent: Monday, November 3, 2025 10:00\nSubject: Test\n\nHello\n", "the 'From: … Sent:' header" },
        { "Le lun. 3 nov. 2025 à 10:00, Bob <bob@example.com> a écrit :\n> Bonjour\n", "'Le … a écrit :'" },
        { "-----Message d'origine-----\nDe : Bob\nEnvoyé : lundi 3 novembre 2025 10:00\n\nBonjour\n", "'-----Message d'origine-----'" },
        { "De : Bob <bob@example.com>\nEnvoyé : lundi 3 novembre 2025 10:00\nÀ : Alex\n\nBonjour\n", "the 'De: … Envoyé:' header" },
        { "Am 03.11.2025 um 10:00 schrieb Bob <bob@example.com>:\n> Hallo\n", "'Am … schrieb …:'" },
        { "-----Ursprüngliche Nachricht-----\nVon: Bob\nGesendet: Montag\n\nHallo\n", "'-----Ursprüngliche Nachricht-----'" },
        { "Von: Bob <bob@example.com>\nGesendet: Montag, 3. November 2025 10:00\nAn: Alex\n\nHallo\n", "the 'Von: … Gesendet:' header" },
        { "El lun, 3 nov 2025 a las 10:00, Bob (<bob@example.com>) escribió:\n> Hola\n", "'El … escribió:'" },
        { "-----Mensaje original-----\nDe: Bob\nEnviado el: lunes\n\nHola\n", "'-----Mensaje original-----'" },
        { "De: Bob <bob@example.com>\nEnviado el: lunes, 3 de noviembre de 2025 10:00\nPara: Alex\n\nHola\n", "the 'De: … Enviado el:' header" },
        { "---------- Forwarded message ---------\nFrom: Bob <bob@example.com>\nDate: Mon, 3 Nov 2025\n\nHello\n", "'---------- Forwarded message ---------'" },
    };

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Signature_goes_above_the_quote_without_a_delimiter(string quote, string recognized)
    {
        var message = Text("Thanks,\nAlex\n\n" + quote);
        var original = Lf(RoundTrip(message).TextBody!);

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal($"inserted above {recognized} in text/plain", result.Explanation);
        var text = Lf(RoundTrip(message).TextBody!);
        var (offset, inserted) = SingleInsertion(original, text, "\nJane Doe");
        Assert.Equal("Thanks,\nAlex\n", text[..offset]);
        Assert.Equal("\nJane Doe\nACME Corp · +33 1 23 45 67 89\n", inserted);
    }

    [Fact]
    public void New_message_ends_with_the_delimiter_and_the_signature()
    {
        var message = Text("Hello Bob,\n\nHere are the figures.\nAlex", subject: "Figures");

        SignatureInjector.Inject(message, Standard);

        Assert.Equal("Hello Bob,\n\nHere are the figures.\nAlex\n-- \nJane Doe\nACME Corp · +33 1 23 45 67 89\n", Lf(RoundTrip(message).TextBody!));
    }

    [Fact]
    public void Bottom_posted_reply_gets_the_signature_after_the_new_text()
    {
        var message = Text("On Monday, Bob <bob@example.com> wrote:\n> How are you?\n\nFine, thanks.\nAlex\n");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Contains("bottom-posted", result.Explanation);
        Assert.EndsWith("> How are you?\n\nFine, thanks.\nAlex\n-- \nJane Doe\nACME Corp · +33 1 23 45 67 89\n", Lf(RoundTrip(message).TextBody!));
    }

    [Fact]
    public void Injecting_twice_equals_injecting_once()
    {
        var message = Text("Thanks,\nAlex\n\nOn Monday, Bob <bob@example.com> wrote:\n> Hello\n");
        SignatureInjector.Inject(message, Standard);
        var once = Bytes(message);

        Assert.Equal(InjectionOutcome.AlreadyPresent, SignatureInjector.Inject(message, Standard).Outcome);
        Assert.Equal(once, Bytes(message));
    }

    [Fact]
    public void A_signature_in_the_quoted_lines_does_not_count()
    {
        var message = Text("Thanks,\nAlex\n\nOn Monday, Bob <bob@example.com> wrote:\n> Hello\n> Jane Doe\n> ACME Corp · +33 1 23 45 67 89\n");

        Assert.Equal(InjectionOutcome.Inserted, SignatureInjector.Inject(message, Standard).Outcome);
    }

}
