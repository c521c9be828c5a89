using System.Diagnostics;

namespace Envoi.Tests.Addin;

/// <summary>
/// The add-in's event script under <c>node --test</c> with Microsoft's office-addin-mock as Outlook
/// (<c>Addin/js/commands.test.js</c>), against this real Envoi: CI fails when the script does.
/// </summary>
public sealed class AddinScriptTests
{
    [Fact]
    public async Task The_event_handlers_pass_their_office_addin_mock_tests_against_the_real_gateway()
    {
        var folder = ScriptFolder();
        Assert.True(System.IO.Directory.Exists(Path.Combine(folder, "node_modules", "office-addin-mock")),
            $"office-addin-mock is not installed: run 'npm ci' in {folder} (.ci/run does)");
        await using var gateway = await AddinGateway.StartAsync(s => s.Addin.InsertSignature = true);

        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", "commands.test.js"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ENVOI_BASE_URL"] = gateway.BaseUrl, ["ENVOI_TOKEN"] = gateway.AliceToken, ["NO_COLOR"] = "1" },
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        var report = await output + await errors;
        Assert.True(node.ExitCode == 0, report);
        Assert.Matches(@"(?m)pass 6\s*$", report); // every test ran
        Assert.Matches(@"(?m)fail 0\s*$", report);
    }

    /// <summary>The test scripts in the checkout (tests/Envoi.Tests/Addin/js), where npm installed the mock.</summary>
    private static string ScriptFolder()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Envoi.slnx"))) root = Path.GetDirectoryName(root);
        Assert.True(root is not null, "not run from a checkout");
        return Path.Combine(root!, "tests", "Envoi.Tests", "Addin", "js");
    }
}
