using System.Diagnostics;
using System.Runtime.InteropServices;
using Envoi.Core;
using Envoi.Core.Signatures.Placement;
using MimeKit;

namespace Envoi.Benchmarks;

/// <summary>
/// <c>-- inject-cpu [seconds]</c>: the injection ratio measured in the CPU time of the measuring
/// thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>), so that time the thread spends descheduled on a
/// busy machine does not count. Batches of parse + write and of parse + inject + write alternate;
/// gen0/gen1 collections run on the allocating thread and are counted in its time, as they are in
/// <see cref="InjectionBenchmarks"/>. Use it when the load average makes BenchmarkDotNet's wall
/// times meaningless; on a quiet machine the two agree within noise.
/// </summary>
public static class InjectionCpu
{
    public static int Run(double seconds)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("inject-cpu reads the thread's CPU clock, which needs Linux.");
            return 2;
        }
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (name, raw, batch) in new[]
                 {
                     ("4 KB", ReplyMessages.Build(4 * 1024), 20),
                     ("100 KB", ReplyMessages.Build(100 * 1024), 5),
                     ("5 MB", ReplyMessages.Build(5 * 1024 * 1024, attachmentBytes: 3_600_000), 1),
                 })
            Measure(name, raw, batch, seconds);
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Measure(string name, byte[] raw, int batch, double seconds)
    {
        // Long enough for tiered compilation to reach its optimized code.
        for (var i = 0; i < 2000 / batch; i++) { Once(raw, inject: false); Once(raw, inject: true); }
        var floor = new Side();
        var inject = new Side();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            floor.Batch(raw, batch, inject: false);
            inject.Batch(raw, batch, inject: true);
        }
        Console.WriteLine($"{name,-7} floor {floor.Median,8:F1} us  inject {inject.Median,8:F1} us  ratio {inject.Median / floor.Median:F2} (medians of {floor.Count} batches; means {floor.Mean:F1} / {inject.Mean:F1} us, ratio {inject.Mean / floor.Mean:F2})  allocated {floor.BytesPerOp:N0} / {inject.BytesPerOp:N0} B per op");
    }

    private static long Once(byte[] raw, bool inject)
    {
        var message = MimeMessage.Load(new MemoryStream(raw));
        if (inject) SignatureInjector.Inject(message, InjectionBenchmarks.Signature);
        using var output = new MemoryStream();
        message.WriteTo(WireFormat.Options, output);
        return output.Length;
    }

    private sealed class Side
    {
        private readonly List<double> _perOp = [];
        private long _bytes;
        private long _ops;

        public int Count => _perOp.Count;
        public double Median => _perOp.Order().ElementAt(_perOp.Count / 2);
        public double Mean => _perOp.Average();
        public long BytesPerOp => _bytes / Math.Max(_ops, 1);

        public void Batch(byte[] raw, int size, bool inject)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = ThreadCpuMicroseconds();
            for (var i = 0; i < size; i++) Once(raw, inject);
            _perOp.Add((ThreadCpuMicroseconds() - start) / size);
            _bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            _ops += size;
        }
    }

    private static double ThreadCpuMicroseconds()
    {
        const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID
        clock_gettime(ThreadCpuTimeClock, out var now);
        return now.Seconds * 1e6 + now.Nanoseconds / 1e3;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
