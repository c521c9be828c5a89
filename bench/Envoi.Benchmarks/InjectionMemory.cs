using System.Diagnostics;
using Envoi.Core;
using Envoi.Core.Signatures.Placement;
using MimeKit;

namespace Envoi.Benchmarks;

/// <summary>
/// <c>-- inject-memory</c>: a 35 MB message (a large attachment and a reply) loaded from a file the
/// way the gateway does (persistent parse), injected and written to a file; prints how much the
/// process's peak working set grew, against the message size. Run it alone: peaks are per process.
/// </summary>
public static class InjectionMemory
{
    public static int Run()
    {
        var directory = Directory.CreateTempSubdirectory("envoi-inject-memory").FullName;
        try
        {
            var input = Path.Combine(directory, "in.eml");
            File.WriteAllBytes(input, ReplyMessages.Build(35 * 1024 * 1024, attachmentBytes: 26_000_000));
            var size = new FileInfo(input).Length;
            // Warm up on a small message so JIT and MimeKit's static tables are not counted.
            Measure(ReplyMessages.Build(8 * 1024), Path.Combine(directory, "warm.eml"), directory);
            GC.Collect();
            var before = PeakWorkingSet();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var result = InjectFile(input, Path.Combine(directory, "out.eml"));
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var growth = PeakWorkingSet() - before;
            Console.WriteLine($"35 MB message ({size:N0} bytes): {result}");
            Console.WriteLine($"peak working set grew {growth / 1e6:F1} MB = {growth / (double)size:F2} x size; managed allocations {allocated / 1e6:F1} MB = {allocated / (double)size:F2} x size (limit 3 x)");
            return growth < 3 * size ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Measure(byte[] raw, string path, string directory)
    {
        File.WriteAllBytes(path, raw);
        InjectFile(path, Path.Combine(directory, "warm-out.eml"));
    }

    private static string InjectFile(string input, string output)
    {
        using var stream = File.OpenRead(input);
        var message = MimeMessage.Load(stream, persistent: true);
        var result = SignatureInjector.Inject(message, InjectionBenchmarks.Signature);
        using var file = File.Create(output);
        message.WriteTo(WireFormat.Options, file);
        return result.Explanation;
    }

    /// <summary>The kernel's high-water mark of resident memory for this process (VmHWM).</summary>
    private static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
