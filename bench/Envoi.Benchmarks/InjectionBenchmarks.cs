using BenchmarkDotNet.Attributes;
using Envoi.Core.Signatures.Model;
using Envoi.Core;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Placement;
using MimeKit;

namespace Envoi.Benchmarks;

/// <summary>
/// Signature injection on Outlook-style replies of 4 KB, 100 KB and 5 MB (the last one mostly an
/// attachment), against the floor every stage pays anyway: MimeKit parsing and writing the same
/// message. Target: parse + inject + write at most about 1.5 times parse + write.
/// </summary>
[MemoryDiagnoser]
public class InjectionBenchmarks
{
    public static readonly RenderedSignature Signature = RenderedSignature.FromParts(
        "standard",
        "<table><tr><td><b>Jane Doe</b><br>Finance · ACME Corp<br><a href=\"tel:+33123456789\">+33 1 23 45 67 89</a></td></tr></table>",
        "Jane Doe\nFinance · ACME Corp\n+33 1 23 45 67 89");

    private byte[] _raw = [];

    [Params("4 KB", "100 KB", "5 MB")]
    public string Size { get; set; } = "4 KB";

    [GlobalSetup]
    public void Setup() => _raw = Size switch
    {
        "4 KB" => ReplyMessages.Build(4 * 1024),
        "100 KB" => ReplyMessages.Build(100 * 1024),
        _ => ReplyMessages.Build(5 * 1024 * 1024, attachmentBytes: 3_600_000),
    };

    [Benchmark(Baseline = true, Description = "MimeKit parse + write (reference)")]
    public long ParseAndWrite()
    {
        var message = MimeMessage.Load(new MemoryStream(_raw));
        return Write(message);
    }

    [Benchmark(Description = "parse + inject + write")]
    public long ParseInjectAndWrite()
    {
        var message = MimeMessage.Load(new MemoryStream(_raw));
        SignatureInjector.Inject(message, Signature);
        return Write(message);
    }

    private static long Write(MimeMessage message)
    {
        using var output = new MemoryStream(); // a real stream, like the spool file: the write is part of the floor
        message.WriteTo(WireFormat.Options, output);
        return output.Length;
    }
}
