using System.Diagnostics;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Accept;

/// <summary>swaks, the mail administrator's Swiss army knife, as the client: what it prints is what a person sees.</summary>
public sealed class SwaksTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync(s => s.Hold.DefaultSeconds = 60);
        await _envoi.AddUserAsync("alice@example.com", "alice-password");
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task<(int Exit, string Output)> SwaksAsync(params string[] arguments)
    {
        var swaks = new[] { "/usr/bin/swaks", "/usr/local/bin/swaks" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("swaks is missing: apt-get install -y swaks (bash .ci/run does it).");
        var start = new ProcessStartInfo(swaks, ["--server", $"127.0.0.1:{_envoi.SmtpPort}", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task Swaks_with_starttls_and_auth_gets_the_queue_id()
    {
        var (exit, output) = await SwaksAsync("--tls", "--auth", "PLAIN", "--auth-user", "alice@example.com", "--auth-password", "alice-password",
            "--from", "alice@example.com", "--to", "bob@example.net", "--header", "Subject: from swaks");
        Assert.Equal(0, exit);
        Assert.Contains("<~  250 2.0.0 Ok: queued as ", output); // swaks marks replies received over TLS with "<~"
        var id = EnvoiTestHost.QueueIdFrom(output.Split('\n').First(l => l.Contains("queued as")));
        Assert.Equal(MessageStatus.Held, (await _envoi.FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Swaks_without_auth_sees_why_it_is_refused()
    {
        var (exit, output) = await SwaksAsync("--from", "alice@example.com", "--to", "bob@example.net");
        Assert.NotEqual(0, exit);
        Assert.Contains("530 5.7.0 Authentication required", output);
    }

    [Fact]
    public async Task Swaks_pipelining_session_is_accepted()
    {
        var (exit, output) = await SwaksAsync("--pipeline", "--auth", "LOGIN", "--auth-user", "alice@example.com", "--auth-password", "alice-password",
            "--from", "alice@example.com", "--to", "bob@example.net,carol@example.net");
        Assert.Equal(0, exit);
        Assert.Contains("250 2.0.0 Ok: queued as", output);
    }
}
