using System.Diagnostics;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Lint;

/// <summary>
/// Envoi's machine interfaces judged by their ecosystems' own linters, against the real app: the
/// OpenAPI document by <c>@redocly/cli lint</c> (npm, installed in <c>Lint/js</c> by tests/run.sh) and the
/// Prometheus exposition by <c>promtool check metrics</c> (Debian <c>prometheus</c>).
/// </summary>
public sealed class InterfaceLintTests
{
    [Fact]
    public async Task The_openapi_document_passes_redocly_lint()
    {
        var folder = LintFolder();
        var redocly = Path.Combine(folder, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly), $"@redocly/cli is not installed: run 'npm ci' in {folder} (tests/run.sh does)");
        await using var envoi = await EnvoiTestHost.StartAsync();
        var document = Path.Combine(TempDirectory.Create("envoi-openapi"), "openapi.json");
        await File.WriteAllTextAsync(document, await envoi.Http.GetStringAsync("/openapi/v1.json"));

        var (exit, report) = await RunAsync(redocly, folder, null, "lint", document, "--format=stylish");

        Assert.True(exit == 0, report);
        Assert.DoesNotContain(" error ", report);
    }

    [Fact]
    public async Task The_metrics_pass_promtool_check_metrics()
    {
        Assert.True(File.Exists("/usr/bin/promtool"), "promtool is missing: apt-get install prometheus (tests/run.sh does)");
        await using var envoi = await EnvoiTestHost.StartAsync();
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        // Traffic first, so the labelled series and histograms are there to be judged, not only their help lines.
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        var metrics = await envoi.Http.GetStringAsync("/metrics");
        Assert.Contains("envoi_messages_accepted_total", metrics);

        var (exit, report) = await RunAsync("/usr/bin/promtool", LintFolder(), metrics, "check", "metrics");

        Assert.True(exit == 0, report);
        Assert.Equal("", report.Trim()); // promtool prints nothing when every metric is well formed and named
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string folder, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null,
            Environment = { ["NO_COLOR"] = "1", ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
        };
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>The lint tools' folder in the checkout (tests/Envoi.Tests/Lint/js), where npm installed them.</summary>
    private static string LintFolder()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Envoi.slnx"))) root = Path.GetDirectoryName(root);
        Assert.True(root is not null, "not run from a checkout");
        return Path.Combine(root!, "tests", "Envoi.Tests", "Lint", "js");
    }
}
