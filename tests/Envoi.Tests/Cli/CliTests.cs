using System.Diagnostics;
using Envoi.Tests.Support;

namespace Envoi.Tests.Cli;

/// <summary>The executable as an operator uses it: the README's first command, user management, clear errors.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Serve_demo_prints_working_credentials_and_commands()
    {
        var data = TempDirectory.Create("envoi-demo");
        var smtpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet", [EnvoiCli.AssemblyPath, "serve", "--demo", "--data", data, "--smtp", $"127.0.0.1:{smtpPort}", "--http", "127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!lines.Any(l => l.Contains("curl -X POST")))
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("serve --demo exited: " + await process.StandardError.ReadToEndAsync());
                lines.Add(line);
            }
            var employee = lines.Single(l => l.TrimStart().StartsWith("employee"));
            var password = employee.Split("password: ")[1].Split(' ')[0];
            Assert.Contains("Envoi is running", string.Join('\n', lines));

            // The printed password really logs in over SMTP.
            using var client = new MailKit.Net.Smtp.SmtpClient();
            await client.ConnectAsync("127.0.0.1", smtpPort, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync("alice@example.com", password);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public async Task Users_add_and_list_and_bad_input_gets_a_sentence()
    {
        var data = TempDirectory.Create("envoi-cli");
        try
        {
            var (exit, output) = await EnvoiCli.RunAsync("users", "add", "carol@example.com", "--password", "long-enough", "--hold", "30", "--data", data);
            Assert.Equal(0, exit);
            Assert.Contains("Added carol@example.com", output);

            (exit, output) = await EnvoiCli.RunAsync("users", "add", "carol@example.com", "--password", "long-enough", "--data", data);
            Assert.Equal(1, exit);
            Assert.Contains("already exists", output);

            (exit, output) = await EnvoiCli.RunAsync("users", "add", "not-an-address", "--password", "long-enough", "--data", data);
            Assert.Equal(1, exit);
            Assert.Contains("is not a plain email address", output);

            (exit, output) = await EnvoiCli.RunAsync("users", "add", "dan@example.com", "--password", "short", "--data", data);
            Assert.Equal(1, exit);
            Assert.Contains("at least 8 characters", output);

            (exit, output) = await EnvoiCli.RunAsync("users", "list", "--data", data);
            Assert.Equal(0, exit);
            Assert.Contains("carol@example.com", output);
            Assert.Contains("hold 30s", output);

            (exit, output) = await EnvoiCli.RunAsync("outbox", "send-now", "NOSUCHMESSAGE000", "--data", data);
            Assert.Equal(1, exit);
            Assert.Contains("No message NOSUCHMESSAGE000", output);

            (exit, output) = await EnvoiCli.RunAsync("serve", "--upstream", "http://nope", "--data", data);
            Assert.NotEqual(0, exit);
            Assert.Contains("is not smtp://host[:port]", output);
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public async Task List_verbs_print_json_on_request()
    {
        var data = TempDirectory.Create("envoi-cli-json");
        try
        {
            var (exit, output) = await EnvoiCli.RunAsync("users", "add", "erin@example.com", "--password", "long-enough", "--data", data);
            Assert.Equal(0, exit);
            (exit, output) = await EnvoiCli.RunAsync("tokens", "create", "erin@example.com", "--name", "ci", "--data", data);
            Assert.True(exit == 0, output);
            (exit, output) = await EnvoiCli.RunAsync("tokens", "list", "erin@example.com", "--json", "--data", data);
            Assert.True(exit == 0, output);
            using (var tokens = System.Text.Json.JsonDocument.Parse(output))
                Assert.Equal("ci", tokens.RootElement.EnumerateArray().Single().GetProperty("name").GetString());

            (exit, output) = await EnvoiCli.RunAsync("signatures", "list", "--json", "--data", data);
            Assert.True(exit == 0, output);
            using (var templates = System.Text.Json.JsonDocument.Parse(output))
                Assert.Equal(0, templates.RootElement.GetArrayLength());

            (exit, output) = await EnvoiCli.RunAsync("signatures", "assets", "list", "--json", "--data", data);
            Assert.True(exit == 0, output);
            using (var assets = System.Text.Json.JsonDocument.Parse(output))
                Assert.Equal(0, assets.RootElement.GetArrayLength());
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }
}
