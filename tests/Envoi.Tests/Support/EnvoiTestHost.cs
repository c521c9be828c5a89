using System.Net.Http.Headers;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Core.Users;
using Envoi.Hosting;
using Envoi.Mail.Accept;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Envoi.Tests.Support;

/// <summary>
/// A real Envoi (SMTP listener, scheduler, HTTP API) on loopback ports chosen by the OS, with its own
/// data directory and database. Everything a test does goes through sockets, like a client would.
/// </summary>
public sealed class EnvoiTestHost : IAsyncDisposable
{
    private readonly bool _ownsDataDirectory;

    private EnvoiTestHost(WebApplication app, EnvoiSettings settings, bool ownsDataDirectory)
    {
        _ownsDataDirectory = ownsDataDirectory;
        App = app;
        Settings = settings;
        var smtp = app.Services.GetRequiredService<SmtpListener>().SubmissionEndpoint;
        SmtpPort = smtp.Port;
        Http = new HttpClient { BaseAddress = app.HttpAddress() };
    }

    public WebApplication App { get; }
    public EnvoiSettings Settings { get; }
    public int SmtpPort { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => App.Services;
    public string DataDirectory => Settings.DataDirectory;

    /// <param name="dataDirectory">An existing data directory to reuse (restart tests); it is kept on dispose.</param>
    public static async Task<EnvoiTestHost> StartAsync(Action<EnvoiSettings>? configure = null, string? dataDirectory = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var settings = new EnvoiSettings
        {
            DataDirectory = dataDirectory ?? TempDirectory.Create("envoi"),
            HostName = "envoi.test",
            Http = { Listen = "127.0.0.1:0" },
            Smtp = { Listen = "127.0.0.1:0" },
            Hold = { DefaultSeconds = 0 },
            Queue = { PollInterval = TimeSpan.FromMilliseconds(100), RetrySchedule = [TimeSpan.FromSeconds(1)] },
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Envoi"] = Environment.GetEnvironmentVariable("ENVOI_TEST_LOG") ?? "Warning",
        }).Build();
        var app = await EnvoiWebApp.CreateAsync(settings, configuration, services: services);
        await app.StartAsync();
        return new EnvoiTestHost(app, settings, ownsDataDirectory: dataDirectory is null);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Adds a user and returns an API client authenticated with a fresh token.</summary>
    public async Task<(EnvoiUser User, HttpClient Api)> AddUserAsync(string email, string password = "password-123", bool admin = false, int? holdSeconds = null)
    {
        var accounts = Get<UserAccounts>();
        var result = await accounts.AddAsync("test", email, password, admin, holdSeconds, CancellationToken.None);
        Assert.True(result.User is not null, result.Error);
        var token = await accounts.CreateTokenAsync("test", email, "test", CancellationToken.None);
        var api = new HttpClient { BaseAddress = Http.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (result.User!, api);
    }

    /// <summary>Sends with MailKit (AUTH PLAIN over loopback) and returns the queue id from the 250 reply.</summary>
    public async Task<string> SendAsync(string user, string password, MimeMessage message, IEnumerable<string>? recipients = null)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, password);
        var envelopeRecipients = (recipients ?? message.To.Mailboxes.Select(m => m.Address)).Select(a => new MailboxAddress("", a));
        var reply = await client.SendAsync(message, new MailboxAddress("", user), envelopeRecipients);
        await client.DisconnectAsync(true);
        return QueueIdFrom(reply);
    }

    /// <summary>Imports employees from CSV text (header row of attribute names), as <c>envoi directory import</c> does.</summary>
    public async Task ImportEmployeesAsync(string csv)
    {
        var import = Get<Envoi.Core.Directory.Import.DirectoryImport>();
        var rows = Envoi.Core.Directory.Import.CsvDirectoryReader.ReadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), await import.AttributesAsync(default));
        var report = await import.RunAsync(rows, new Envoi.Core.Directory.Import.ImportOptions("test", "test.csv", false, false), null, default);
        Assert.True(report.Rejected.Count == 0, string.Join("; ", report.Rejected.Select(r => r.ToString())));
    }

    public static string QueueIdFrom(string reply)
    {
        var marker = "queued as ";
        var at = reply.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"No queue id in reply '{reply}'");
        return new string(reply[(at + marker.Length)..].TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
    }

    public Task<OutboxEntry?> FindAsync(string id) => Get<OutboxService>().FindAsync(Actor.Operator, id, CancellationToken.None);

    /// <summary>Waits until the message reaches <paramref name="status"/>; fails with its last state otherwise.</summary>
    public Task<OutboxEntry> WaitForStatusAsync(string id, MessageStatus status, TimeSpan? timeout = null) =>
        WaitUntilAsync(id, e => e.Status == status, status.ToWire(), timeout);

    /// <summary>Waits until the message satisfies <paramref name="condition"/>; fails with its last state otherwise.</summary>
    public async Task<OutboxEntry> WaitUntilAsync(string id, Func<OutboxEntry, bool> condition, string expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        OutboxEntry? entry = null;
        while (DateTime.UtcNow < deadline)
        {
            entry = await FindAsync(id);
            if (entry is not null && condition(entry)) return entry;
            await Task.Delay(50);
        }
        Assert.Fail($"Message {id} is {entry?.Status.ToWire() ?? "missing"}, expected {expected}; recipients: {string.Join("; ", entry?.Recipients.Select(r => $"{r.Address}={r.Status.ToWire()} {r.Response}") ?? [])}");
        return null!;
    }

    public static MimeMessage Message(string from, string to, string subject = "Hello", string body = "Hello there.\r\n")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDataDirectory) TempDirectory.Delete(Settings.DataDirectory);
    }
}
