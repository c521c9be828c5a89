using BenchmarkDotNet.Running;
using Envoi.Benchmarks;

// dotnet run -c Release --project bench/Envoi.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Envoi.Benchmarks -- inject-memory
// dotnet run -c Release --project bench/Envoi.Benchmarks -- inject-cpu [seconds per size]
if (args is ["inject-memory"]) return InjectionMemory.Run();
if (args is ["inject-cpu", ..]) return InjectionCpu.Run(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
