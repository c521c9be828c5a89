using System.Text;
using BenchmarkDotNet.Attributes;
using Envoi.Core;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using MimeKit;

namespace Envoi.Benchmarks;

/// <summary>
/// Pre-send checks on a 100 KB reply (new text, a long quoted thread, an HTML alternative),
/// against the floor every stage pays anyway: MimeKit parsing and writing the same message.
/// Target: the checks add under 1 ms.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private byte[] _raw = [];
    private MimeMessage _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        var quoted = new StringBuilder();
        var line = 0;
        while (quoted.Length < 45_000) quoted.Append("> Line ").Append(line++).Append(" of the earlier conversation about the quarterly figures and the attached report.\n");
        var text = "Hi Tom,\n\nThanks for the numbers, they look right to me. Let's go ahead on Tuesday.\n\nBest,\nJane\n\n-- \nJane Doe\n\n"
                   + "On Mon, 3 Nov 2026 at 10:00, Tom <tom@example.com> wrote:\n" + quoted;
        var builder = new BodyBuilder { TextBody = text, HtmlBody = "<div>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>") + "</div>" };
        var message = new MimeMessage { Subject = "Re: quarterly figures", Body = builder.ToMessageBody() };
        message.From.Add(MailboxAddress.Parse("jane@example.com"));
        message.To.Add(MailboxAddress.Parse("tom@example.com"));
        using var stream = new MemoryStream();
        message.WriteTo(WireFormat.Options, stream);
        _raw = stream.ToArray();
        _message = MimeMessage.Load(new MemoryStream(_raw));
    }

    [Benchmark(Baseline = true, Description = "MimeKit parse + write (reference)")]
    public long ParseAndWrite()
    {
        var message = MimeMessage.Load(new MemoryStream(_raw));
        using var output = new MemoryStream();
        message.WriteTo(WireFormat.Options, output);
        return output.Length;
    }

    [Benchmark(Description = "forgotten-attachment check")]
    public string? ForgottenAttachment() => ForgottenAttachmentCheck.Find(_message);

    public int MessageBytes => _raw.Length;
}
