using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>New, reply or forward, from the subject in the usual languages, the thread headers and the body.</summary>
public sealed class MessageKindsTests
{
    [Theory]
    [InlineData("Re: figures", MessageKind.Reply)]
    [InlineData("RE : figures", MessageKind.Reply)]
    [InlineData("AW: Zahlen", MessageKind.Reply)]
    [InlineData("SV: tal", MessageKind.Reply)]
    [InlineData("Antw: cijfers", MessageKind.Reply)]
    [InlineData("R: numeri", MessageKind.Reply)]
    [InlineData("Re[2]: figures", MessageKind.Reply)]
    [InlineData("[team] Re: figures", MessageKind.Reply)]
    [InlineData("Re: Fwd: figures", MessageKind.Reply)]
    [InlineData("Fwd: figures", MessageKind.Forward)]
    [InlineData("FW: figures", MessageKind.Forward)]
    [InlineData("TR: chiffres", MessageKind.Forward)]
    [InlineData("WG: Zahlen", MessageKind.Forward)]
    [InlineData("RV: cifras", MessageKind.Forward)]
    [InlineData("I: numeri", MessageKind.Forward)]
    [InlineData("Doorst: cijfers", MessageKind.Forward)]
    [InlineData("VS: tal", MessageKind.Forward)]
    [InlineData("Fwd: Re: figures", MessageKind.Forward)]
    [InlineData("Quarterly figures", MessageKind.New)]
    [InlineData("Note: figures", MessageKind.New)]
    public void Subject_prefix_decides(string subject, MessageKind expected) =>
        Assert.Equal(expected, MessageKinds.Detect(Text("Hello\n", subject)));

    [Fact]
    public void In_reply_to_makes_a_reply_whatever_the_subject()
    {
        var message = Text("Hello\n", "figures");
        message.InReplyTo = "1@example.com";

        Assert.Equal(MessageKind.Reply, MessageKinds.Detect(message));
    }

    [Theory]
    [InlineData("FYI\n\n---------- Forwarded message ---------\nFrom: Bob\n")]
    [InlineData("FYI\n\nBegin forwarded message:\n\nFrom: Bob\n")]
    [InlineData("Pour info\n\n-------- Message d'origine --------\nDe : Bob\n")]
    [InlineData("Zur Info\n\n-------- Weitergeleitete Nachricht --------\nVon: Bob\n")]
    [InlineData("Para tu info\n\n---------- Mensaje reenviado ---------\nDe: Bob\n")]
    public void Forwarded_message_banner_makes_a_forward(string body) =>
        Assert.Equal(MessageKind.Forward, MessageKinds.Detect(Text(body, "figures")));

    [Fact]
    public void Html_forward_banner_counts_too()
    {
        var message = Html("<div>FYI</div><div class=\"gmail_quote\">---------- Forwarded message ---------<br>From: Bob</div>", "figures");

        Assert.Equal(MessageKind.Forward, MessageKinds.Detect(message));
    }
}
