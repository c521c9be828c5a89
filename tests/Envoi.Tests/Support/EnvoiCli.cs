using System.Diagnostics;
using Envoi.Hosting;

namespace Envoi.Tests.Support;

/// <summary>Runs the real <c>envoi</c> executable as a separate process, the way an operator would.</summary>
public static class EnvoiCli
{
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "envoi.dll");

    public static async Task<(int Exit, string Output)> RunAsync(EnvoiSettings settings, params string[] arguments)
    {
        var all = new List<string>(arguments) { "--data", settings.DataDirectory };
        if (settings.Database is { } database) all.AddRange(["--database", database]);
        return await RunAsync(all.ToArray());
    }

    public static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [AssemblyPath, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}
