using System.Buffers;
using System.Text;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using Envoi.Mail.Accept;
using MimeKit;

namespace Envoi.Fuzz.Targets;

/// <summary>
/// The end of DATA as <see cref="MessageAcceptor"/> sees it: the one-pass scan, the line-ending repair,
/// the in-place MIME parse and the send-safety checks. Checks that the scan does not depend on where the
/// engine's buffer segments end, that the repair equals a plain reference (bare CR, bare LF → CRLF) and
/// leaves nothing to repair or refuse as smuggling, and that nothing after it throws.
/// </summary>
public sealed class DataScanTarget : IFuzzTarget
{
    public string Name => "data";
    public string Description => "DATA scan, line-ending repair, MIME parse and send-safety checks of raw SMTP DATA bytes";

    private static readonly CheckOptions Policy = new();
    private static readonly SendSafetyChecks Checks = new(Policy, CheckList.Create(Policy, new NoHistory(), null));

    public void Run(byte[] input)
    {
        var whole = DataScan.Of(new ReadOnlySequence<byte>(input));
        foreach (var size in new[] { 1, 3, 4096 })
            Same(whole, DataScan.Of(Segments.Of(input, size)), $"the scan over {size}-byte segments");

        var normalized = DataScan.NormalizeLineEndings(new ReadOnlySequence<byte>(input));
        var expected = Reference(input);
        if (!normalized.AsSpan().SequenceEqual(expected))
            throw new InvariantViolation("line-ending repair differs from the reference (bare CR / bare LF → CRLF)");
        if (!DataScan.NormalizeLineEndings(Segments.Of(input, 1)).AsSpan().SequenceEqual(expected))
            throw new InvariantViolation("line-ending repair depends on segment boundaries");

        var repaired = DataScan.Of(new ReadOnlySequence<byte>(normalized));
        if (repaired.HasBareLineEnding) throw new InvariantViolation("a bare line ending survived the repair");
        if (repaired.SmugglingDot) throw new InvariantViolation("the repaired message still looks like SMTP smuggling");
        if (repaired.HasNul != whole.HasNul || repaired.ReceivedCount != whole.ReceivedCount || repaired.LongestHeaderLine != whole.LongestHeaderLine)
            throw new InvariantViolation("the repair changed what the scan found in the lines (NUL, Received count, longest header line)");

        using var source = new MemoryStream(normalized, writable: false);
        MimeMessage message;
        try { message = MimeMessage.Load(source, persistent: true); }
        catch (FormatException) { message = new MimeMessage(); } // stored as sent, as the acceptor does
        var input2 = new CheckInput(message, "alice@example.com", ["bob@example.net", "carol@example.com"], normalized.Length, ["Sales"], "fr");
        Checks.RunAsync(input2, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static void Same(DataScan a, DataScan b, string what)
    {
        if (a.SmugglingDot != b.SmugglingDot || a.HasNul != b.HasNul || a.HasBareLineEnding != b.HasBareLineEnding
            || a.LongestHeaderLine != b.LongestHeaderLine || a.ReceivedCount != b.ReceivedCount || a.Length != b.Length)
            throw new InvariantViolation($"{what} found something else than the scan over one buffer");
    }

    /// <summary>The repair written the obvious way, as text (Latin-1 maps every byte to one char).</summary>
    private static byte[] Reference(byte[] input) =>
        Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(input).Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n"));

    /// <summary>No mail history: every recipient is new, no domain is known.</summary>
    private sealed class NoHistory : IMailHistory
    {
        public Task<IReadOnlyCollection<string>> KnownDomainsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyCollection<string>>(["example.net", "client.de"]);
        public Task<IReadOnlyDictionary<string, int>> ContactsOfAsync(string sender, CancellationToken ct) => Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int> { ["bob@example.net"] = 3 });
    }
}
