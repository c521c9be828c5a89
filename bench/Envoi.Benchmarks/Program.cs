using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Envoi.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
