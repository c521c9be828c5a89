using System.Diagnostics;
using Envoi.Mail.Dkim;

namespace Envoi.Tests.Dkim;

/// <summary>
/// Runs <c>verify_dkim.py</c> with Debian's python3-dkim: an independent verifier, given the TXT
/// records locally instead of asking DNS. The system interpreter is used on purpose, because that
/// is where the Debian package installs the module (.ci/run installs it when missing).
/// </summary>
public static class PythonDkim
{
    private const string Python = "/usr/bin/python3";

    public static string Script => Path.Combine(AppContext.BaseDirectory, "Dkim", "verify_dkim.py");

    public sealed record Verdict(int Exit, string Output)
    {
        public bool AllPass => Exit == 0;
    }

    public static async Task<Verdict> VerifyAsync(byte[] message, params DkimKey[] keys)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.eml");
        await File.WriteAllBytesAsync(file, message);
        try
        {
            var arguments = new List<string> { Script, file };
            foreach (var key in keys)
                arguments.AddRange([DkimTxtRecord.Name(key.Domain, key.Selector), string.Concat(DkimTxtRecord.Strings(key.KeyType, key.PublicKeyBase64))]);
            using var process = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return new Verdict(process.ExitCode, (await output + await error).Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
