using BenchmarkDotNet.Running;
using Envoi.Benchmarks;

// dotnet run -c Release --project bench/Envoi.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Envoi.Benchmarks -- inject-memory
if (args is ["inject-memory"]) return InjectionMemory.Run();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
