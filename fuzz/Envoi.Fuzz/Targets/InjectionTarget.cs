using System.Buffers;
using Envoi.Core.Signatures.Model;
using Envoi.Core;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using Envoi.Mail.Accept;
using MimeKit;

namespace Envoi.Fuzz.Targets;

/// <summary>
/// Signature placement on any message: parse, inject, write, parse again (what the upstream receives).
/// Checks that no part is lost or added, that every part but the signed bodies keeps its bytes and
/// headers, that a signed body is the old text with one insertion holding the signature (and, for
/// parts whose encoding and charset stayed, the old bytes around one inserted run), that a message
/// left alone is unchanged, and that a second pass adds nothing.
/// </summary>
public sealed class InjectionTarget : IFuzzTarget
{
    public string Name => "inject";
    public string Description => "signature placement (SignatureInjector) on arbitrary MIME: no part lost, bytes outside the insertion unchanged, never twice";

    private const string Marker = "FUZZSIG";

    private static readonly RenderedSignature Signature = RenderedSignature.FromParts(
        "fuzz",
        $"<table><tr><td>Jane Doe · {Marker}H · <a href=\"https://example.com/jane\">example.com</a></td></tr></table>",
        $"-- \nJane Doe\n{Marker}T\nhttps://example.com/jane");

    public void Run(byte[] input)
    {
        // Only what the gateway stores reaches placement: DATA with NUL or smuggling shapes is refused
        // at acceptance, bare CR / LF line endings are repaired there and the last line ends with CRLF (MessageAcceptor).
        var scan = DataScan.Of(new ReadOnlySequence<byte>(input));
        if (scan.HasNul || scan.SmugglingDot) return;
        if (scan.HasBareLineEnding) input = DataScan.NormalizeLineEndings(new ReadOnlySequence<byte>(input));
        input = [.. input, .. "\r\n"u8]; // the stored copy ends with the CRLF the engine kept with the end-of-data dot

        MimeMessage message;
        try { message = Parse(input); }
        catch (FormatException) { return; } // not a message: the gateway relays such bytes without signing them

        // Compared with the same message relayed unsigned (written and read back the same way), so
        // what MimeKit itself normalizes when writing odd input is not taken for Envoi's doing.
        var before = MessageSnapshot.Of(Parse(Written(Parse(input))));
        var result = SignatureInjector.Inject(message, Signature);
        var sent = Written(message);
        var after = MessageSnapshot.Of(Parse(sent));

        if (result.Outcome != InjectionOutcome.Inserted)
        {
            if (!after.SameAs(before, out var difference))
                throw new InvariantViolation($"outcome {result.Outcome} ({result.Explanation}) but the message changed: {difference}");
            return;
        }
        after.CheckInsertion(before, Marker);

        var again = Parse(sent);
        var second = SignatureInjector.Inject(again, Signature);
        if (second.Outcome == InjectionOutcome.Inserted)
            throw new InvariantViolation($"a second pass signed the message again: {second.Explanation}");
        if (!Written(again).AsSpan().SequenceEqual(sent))
            throw new InvariantViolation($"a second pass ({second.Outcome}) changed the message");
    }

    private static MimeMessage Parse(byte[] bytes) => MimeMessage.Load(new MemoryStream(bytes, writable: false));

    private static byte[] Written(MimeMessage message)
    {
        using var output = new MemoryStream();
        message.WriteTo(WireFormat.Options, output); // as the relay sends it
        return output.ToArray();
    }
}
