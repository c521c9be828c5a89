using Envoi.Core.Signatures.Placement;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// Replies and forwards as each client family writes them (new text "Thanks, Alex", then the
/// quote): the signature goes between the two, above the attribution line.
/// </summary>
public sealed class ClientPlacementTests
{
    public static TheoryData<string, string, string> Clients => new()
    {
        {
            "Gmail (gmail_quote, gmail_attr)",
            "<div dir=\"ltr\">Thanks,<div>Alex</div></div><br><div class=\"gmail_quote gmail_quote_container\"><div dir=\"ltr\" class=\"gmail_attr\">On Mon, 3 Nov 2025 at 10:00, Bob &lt;bob@example.com&gt; wrote:<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">Hello</blockquote></div>",
            "On Mon, 3 Nov 2025 at 10:00, Bob"
        },
        {
            "Outlook 365 desktop (border-top From: block)",
            "<html><body><div class=WordSection1><p class=MsoNormal>Thanks,<o:p></o:p></p><p class=MsoNormal>Alex<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>From:</b> Bob &lt;bob@example.com&gt; <br><b>Sent:</b> Monday, November 3, 2025 10:00 AM<br><b>To:</b> Alex<br><b>Subject:</b> Test</p></div></div><p class=MsoNormal>Hello</p></div></body></html>",
            "From: Bob"
        },
        {
            "Outlook on the web (appendonsend, hr, divRplyFwdMsg)",
            "<html><body><div class=\"elementToProof\">Thanks,<br>Alex</div><div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\"><b>From:</b> Bob &lt;bob@example.com&gt;<br><b>Sent:</b> Monday, November 3, 2025 10:00<br></font></div><div>Hello</div></body></html>",
            "From: Bob"
        },
        {
            "Outlook.com (hr#stopSpelling)",
            "<html><body><div dir='ltr'>Thanks,<br>Alex<br><br><div><hr id=\"stopSpelling\">From: bob@example.com<br>Sent: Monday<br><br>Hello</div></div></body></html>",
            "From: bob@example.com"
        },
        {
            "Outlook for Mac (OLK_SRC_BODY_SECTION)",
            "<html><body><div>Thanks,<br>Alex</div><span id=\"OLK_SRC_BODY_SECTION\"><div><b>From: </b>Bob<br><b>Date: </b>Monday<br></div><div>Hello</div></span></body></html>",
            "From: Bob"
        },
        {
            "Apple Mail (On … wrote: above blockquote type=cite)",
            "<html><body style=\"word-wrap: break-word;\"><div>Thanks,</div><div>Alex</div><div><br><div><div>On 3 Nov 2025, at 10:00, Bob &lt;bob@example.com&gt; wrote:</div><br class=\"Apple-interchange-newline\"><blockquote type=\"cite\"><div>Hello</div></blockquote></div><br></div></body></html>",
            "On 3 Nov 2025, at 10:00, Bob"
        },
        {
            "iOS Mail (attribution inside the blockquote)",
            "<html><body><div dir=\"ltr\">Thanks,<div>Alex</div></div><div dir=\"ltr\"><br><blockquote type=\"cite\">On 3 Nov 2025, at 10:00, Bob &lt;bob@example.com&gt; wrote:<br><br></blockquote></div><blockquote type=\"cite\"><div dir=\"ltr\">Hello</div></blockquote></body></html>",
            "On 3 Nov 2025, at 10:00, Bob"
        },
        {
            "Thunderbird (moz-cite-prefix)",
            "<html><body><p>Thanks,<br>Alex</p><div class=\"moz-cite-prefix\">On 03/11/2025 10:00, Bob wrote:<br></div><blockquote type=\"cite\" cite=\"mid:1@example.com\">Hello</blockquote></body></html>",
            "On 03/11/2025 10:00, Bob wrote:"
        },
        {
            "Yahoo (ydp…yahoo_quoted)",
            "<html><body><div class=\"ydp1b2c3yahoo-style-wrap\"><div>Thanks,</div><div>Alex</div></div><div id=\"ydp4d5e6yahoo_quoted_1234\" class=\"ydp4d5e6yahoo_quoted\"><div style=\"font-family:Helvetica\">On Monday, November 3, 2025, 10:00, Bob &lt;bob@example.com&gt; wrote:</div><div><br></div><div>Hello</div></div></body></html>",
            "On Monday, November 3, 2025, 10:00, Bob"
        },
        {
            "Yahoo classic (yahoo_quoted)",
            "<html><body><div>Thanks, Alex</div><div class=\"yahoo_quoted\"><div>On Monday, Bob wrote:</div><blockquote>Hello</blockquote></div></body></html>",
            "On Monday, Bob wrote:"
        },
        {
            "Android (class quote)",
            "<html><body><div dir=\"auto\">Thanks,<div dir=\"auto\">Alex</div></div><br><div class=\"quote\"><div>On Nov 3, 2025 10:00, Bob &lt;bob@example.com&gt; wrote:<br></div><blockquote class=\"quote\">Hello</blockquote></div></body></html>",
            "On Nov 3, 2025 10:00, Bob"
        },
        {
            "Samsung / Android (-------- Original message --------)",
            "<html><body><div dir=\"auto\">Thanks, Alex</div><div><br></div><div style=\"font-size:100%\"><!-- originalMessage --><div>-------- Original message --------</div><div>From: Bob &lt;bob@example.com&gt;</div><div>Date: 03/11/2025 10:00</div></div>Hello</body></html>",
            "-------- Original message --------"
        },
        {
            "Gmail forward (Forwarded message inside gmail_quote)",
            "<div dir=\"ltr\">FYI, Alex<br><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">---------- Forwarded message ---------<br>From: Bob</div><br>Hello</div></div>",
            "---------- Forwarded message --------- From: Bob"
        },
        {
            "Apple Mail forward (Begin forwarded message:)",
            "<html><body><div>FYI, Alex</div><div><br><div>Begin forwarded message:</div><br class=\"Apple-interchange-newline\"><blockquote type=\"cite\"><div><b>From: </b>Bob</div>Hello</blockquote></div></body></html>",
            "Begin forwarded message: From: Bob"
        },
        {
            "French Outlook (De : … Envoyé :)",
            "<html><body><p>Merci,<br>Alex</p><p><b>De :</b> Bob &lt;bob@example.com&gt;<br><b>Envoyé :</b> lundi 3 novembre 2025 10:00<br><b>Objet :</b> Test</p><p>Hello</p></body></html>",
            "De : Bob"
        },
        {
            "German plain-looking HTML (Am … schrieb …:)",
            "<html><body><div>Danke,<br>Alex</div><div><br></div><div>Am 03.11.2025 um 10:00 schrieb Bob &lt;bob@example.com&gt;:</div><blockquote>Hello</blockquote></body></html>",
            "Am 03.11.2025 um 10:00 schrieb Bob"
        },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public void Signature_goes_between_the_new_text_and_the_quote(string client, string body, string quoteStart)
    {
        _ = client;
        var message = Html(body);
        var original = RoundTrip(message).HtmlBody!;

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
        var html = RoundTrip(message).HtmlBody!;
        var (offset, inserted) = SingleInsertion(original, html, "<div class=\"envoi-signature\"");
        Assert.EndsWith("Alex", Visible(html[..offset]));
        Assert.StartsWith(quoteStart, Visible(html[(offset + inserted.Length)..]));
    }

    [Fact]
    public void Explanation_names_the_outlook_reply_header()
    {
        var message = Html("<html><body><div>Alex</div><hr><div id=\"divRplyFwdMsg\"><b>From:</b> Bob<br><b>Sent:</b> Monday</div><div>Hello</div></body></html>");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted above the separator (<hr>) and the From: block in text/html", result.Explanation);
    }

    [Fact]
    public void New_message_gets_the_signature_before_the_body_end_tag()
    {
        var message = Html("<html><body><p>Hello Bob,</p><p>Alex</p></body></html>", subject: "Figures");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal("inserted before </body> in text/html", result.Explanation);
        Assert.EndsWith("<p>Alex</p>" + SignatureHtml + "</body></html>", RoundTrip(message).HtmlBody!.TrimEnd());
    }

    [Fact]
    public void New_message_without_body_tag_gets_the_signature_at_the_end()
    {
        var message = Html("<p>Hello Bob,</p><p>Alex</p>", subject: "Figures");

        SignatureInjector.Inject(message, Standard);

        Assert.Equal("<p>Hello Bob,</p><p>Alex</p>" + SignatureHtml, RoundTrip(message).HtmlBody!.TrimEnd());
    }

    [Fact]
    public void Bottom_posted_reply_gets_the_signature_after_the_new_text()
    {
        var message = Html("<html><body><div class=\"moz-cite-prefix\">On 03/11/2025, Bob wrote:</div><blockquote type=\"cite\">Hello</blockquote><p>Fine, thanks.<br>Alex</p><br></body></html>");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Contains("bottom-posted", result.Explanation);
        Assert.Contains("<p>Fine, thanks.<br>Alex</p>" + SignatureHtml + "<br></body>", RoundTrip(message).HtmlBody!);
    }

    [Fact]
    public void A_signature_in_the_quoted_thread_does_not_count()
    {
        var quoted = "<div class=\"gmail_quote\">On Monday, Bob wrote:<blockquote class=\"gmail_quote\">Hello<div class=\"envoi-signature\" data-envoi-signature=\"standard\"><p>Jane Doe<br>ACME Corp · +33 1 23 45 67 89</p></div></blockquote></div>";
        var message = Html("<div>Thanks,<br>Alex</div>" + quoted);

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
        Assert.Equal(2, Count(RoundTrip(message).HtmlBody!, "data-envoi-signature"));
    }

    [Fact]
    public void The_signature_text_typed_by_the_author_counts_as_present()
    {
        var message = Html("<div>Thanks,<br>Alex</div><div>Jane  Doe<br>\n ACME Corp&nbsp;· +33 1 23 45 67 89</div><div class=\"gmail_quote\">On Monday, Bob wrote:<blockquote>Hello</blockquote></div>");

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal(InjectionOutcome.AlreadyPresent, result.Outcome);
    }

    private static string SignatureHtml => "<div class=\"envoi-signature\" data-envoi-signature=\"standard\">" + Standard.Html + "</div>";
}
