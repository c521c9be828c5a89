using Envoi.Core.Signatures.Placement;
using Envoi.Core.Signatures.Rules;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// Mobile sign-offs ("Sent from my iPhone", "Envoyé à partir de Outlook pour iOS"): kept above the signature
/// by default, replaced by it when the rule says <c>"mobileSignOff": "replace"</c>.
/// </summary>
public sealed class MobileSignOffTests
{
    public static TheoryData<string> SignOffs => new()
    {
        "Sent from my iPhone",
        "Envoyé de mon iPhone",
        "Envoyé à partir de Outlook pour iOS",
        "Von meinem iPhone gesendet",
        "Get Outlook for Android",
    };

    private const string Quote = "On Mon, 3 Nov 2025 at 10:00, Bob <bob@example.com> wrote:\n> Hello\n";

    [Theory]
    [MemberData(nameof(SignOffs))]
    public void By_default_the_sign_off_stays_above_the_signature(string signOff)
    {
        var message = Text($"Thanks,\nAlex\n\n{signOff}\n\n{Quote}");
        SignatureInjector.Inject(message, Standard);
        var text = Lf(RoundTrip(message).TextBody!);
        Assert.True(text.IndexOf(signOff, StringComparison.Ordinal) < text.IndexOf("Jane Doe", StringComparison.Ordinal), text);
        Assert.True(text.IndexOf("Jane Doe", StringComparison.Ordinal) < text.IndexOf("On Mon", StringComparison.Ordinal), text);
    }

    [Theory]
    [MemberData(nameof(SignOffs))]
    public void Replace_puts_the_signature_in_place_of_the_sign_off_in_text_and_html(string signOff)
    {
        var message = Message(new MimeKit.Multipart("alternative")
        {
            TextPart($"Thanks,\nAlex\n\n{signOff}\n\n{Quote}"),
            HtmlPart($"<html><body><div>Thanks,<br>Alex</div><br><div>{signOff}</div><div class=\"gmail_quote\">On Mon, 3 Nov 2025 at 10:00, Bob wrote:<blockquote>Hello</blockquote></div></body></html>"),
        });

        var result = SignatureInjector.Inject(message, Standard, replaceSignOff: true);

        Assert.Contains("in place of the mobile sign-off", result.Explanation);
        var parsed = RoundTrip(message);
        var text = Lf(parsed.TextBody!);
        Assert.Equal($"Thanks,\nAlex\n\nJane Doe\nACME Corp · +33 1 23 45 67 89\n\n{Quote}", text);
        var html = parsed.HtmlBody!;
        Assert.DoesNotContain(signOff, html);
        Assert.True(html.IndexOf("Jane Doe", StringComparison.Ordinal) > html.IndexOf("Alex", StringComparison.Ordinal)
            && html.IndexOf("Jane Doe", StringComparison.Ordinal) < html.IndexOf("gmail_quote", StringComparison.Ordinal), html);
        // A second pass recognizes the signature and changes nothing.
        var again = RoundTrip(message);
        Assert.Equal(Envoi.Core.Signatures.Placement.InjectionOutcome.AlreadyPresent, SignatureInjector.Inject(again, Standard, replaceSignOff: true).Outcome);
    }

    [Fact]
    public void Replace_leaves_text_that_only_mentions_a_phone_alone()
    {
        var message = Text($"Thanks,\nI sent from my iPhone the photos yesterday.\n\n{Quote}");
        var result = SignatureInjector.Inject(message, Standard, replaceSignOff: true);
        Assert.DoesNotContain("in place of", result.Explanation);
        Assert.Contains("I sent from my iPhone the photos yesterday.", Lf(RoundTrip(message).TextBody!));
    }

    [Fact]
    public void A_new_message_from_a_phone_gets_the_delimited_signature_where_the_sign_off_was()
    {
        var message = Text("See you at 10.\n\nSent from my iPhone\n", subject: "Meeting");
        SignatureInjector.Inject(message, Standard, replaceSignOff: true);
        Assert.Equal("See you at 10.\n\n-- \nJane Doe\nACME Corp · +33 1 23 45 67 89\n", Lf(RoundTrip(message).TextBody!));
    }

    [Fact]
    public void The_rule_option_reads_from_and_writes_to_the_rules_json()
    {
        var (rules, error) = RulesJson.Read("""[ { "name": "phones", "when": {}, "then": { "signature": "short", "mobileSignOff": "replace" } } ]""");
        Assert.Null(error);
        Assert.Equal(MobileSignOff.Replace, rules![0].Then.MobileSignOff);
        var (_, refused) = RulesJson.Read("""[ { "name": "phones", "when": {}, "then": { "signature": "short", "mobileSignOff": "drop" } } ]""");
        Assert.NotNull(refused);
    }
}
