using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>A message that already carries this signature, however it got there, is left as it is.</summary>
public sealed class NeverTwiceTests
{
    private static readonly RenderedSignature WithLinks = RenderedSignature.FromParts("standard",
        "<p>Jane Doe<br>Sales Manager | ACME Corp<br><a href=\"https://acme.example/jane\">acme.example/jane</a></p>",
        "Jane Doe\nSales Manager | ACME Corp\nhttps://acme.example/jane");

    [Fact]
    public void Text_signature_whose_links_were_rewritten_for_tracking_is_not_added_again()
    {
        var message = Text("Thanks,\nAlex\n\nJane Doe\nSales Manager | ACME Corp\nhttps://links.example/t/abc123\n\nOn Mon, 3 Nov 2025 at 10:00, Bob <bob@example.com> wrote:\n> Hello\n");
        var before = Bytes(message);

        var result = SignatureInjector.Inject(message, WithLinks);

        Assert.Equal(InjectionOutcome.AlreadyPresent, result.Outcome);
        Assert.Equal(before, Bytes(message));
    }

    [Fact]
    public void Text_part_Outlook_derived_from_the_signature_the_add_in_inserted_is_not_signed_again()
    {
        // Outlook writes links as "text <url>" and table cells on lines of their own in the text it derives from HTML.
        var message = Text("Thanks,\nAlex\n\nJane Doe\nSales Manager\nACME Corp\nacme.example/jane<https://acme.example/jane>\n\n________________________________\nFrom: Bob <bob@example.com>\nSent: Monday, November 3, 2025 10:00\nTo: Alex\n\nHello\n");
        var before = Bytes(message);

        var result = SignatureInjector.Inject(message, WithLinks);

        Assert.Equal(InjectionOutcome.AlreadyPresent, result.Outcome);
        Assert.Equal(before, Bytes(message));
    }

    [Fact]
    public void A_short_name_in_the_author_text_does_not_count_as_the_signature()
    {
        var message = Text("Thanks, Jane Doe will call you.\n\nOn Mon, 3 Nov 2025 at 10:00, Bob <bob@example.com> wrote:\n> Hello\n");

        var result = SignatureInjector.Inject(message, WithLinks);

        Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
    }
}
