using Envoi.Fuzz;
using SharpFuzz;

// envoi-fuzz TARGET              run under afl-fuzz (fuzz/run.sh instruments the assemblies first)
// envoi-fuzz replay TARGET PATH… run the target once per file (a crash reproduces with its stack trace)
// envoi-fuzz list                the targets and what each checks
switch (args)
{
    case ["list"]:
        foreach (var t in FuzzTargets.All) Console.WriteLine($"{t.Name,-12} {t.Description}");
        return 0;
    case ["replay", var name, .. var paths] when FuzzTargets.Find(name) is { } target && paths.Length > 0:
        var failed = 0;
        foreach (var file in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).Order())
        {
            try { target.Run(File.ReadAllBytes(file)); }
            catch (Exception e) { failed++; Console.Error.WriteLine($"{file}: {e}"); }
        }
        Console.WriteLine(failed == 0 ? "all inputs passed" : $"{failed} input(s) failed");
        return failed == 0 ? 0 : 1;
    case [var name] when FuzzTargets.Find(name) is { } target:
        // Out of process: a crash of the runtime itself (stack overflow) is reported as a crash too.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target.Run(buffer.ToArray());
        });
        return 0;
    default:
        Console.Error.WriteLine("usage: envoi-fuzz TARGET | replay TARGET PATH… | list");
        Console.Error.WriteLine("targets: " + string.Join(", ", FuzzTargets.All.Select(t => t.Name)));
        return 2;
}
