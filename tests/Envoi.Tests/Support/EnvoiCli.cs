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

    /// <summary>Runs a verb that reads standard input and writes a message to standard output (e.g. <c>inject</c>).</summary>
    public static async Task<(int Exit, byte[] Output, string Error)> RunWithInputAsync(byte[] input, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [AssemblyPath, .. arguments]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await copy;
        return (process.ExitCode, output.ToArray(), await error);
    }
}
