using System.Net;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Outbox;

public sealed class OperationsEndpointsTests
{
    [Fact]
    public async Task Metrics_count_accepted_and_relayed_mail_and_show_queue_depth()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net"));
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);

        var metrics = await envoi.Http.GetStringAsync("/metrics");
        Assert.Matches(@"envoi_messages_accepted_total [1-9]", metrics);
        Assert.Matches(@"envoi_recipients_relayed_total [1-9]", metrics);
        Assert.Contains("envoi_queue_depth{status=\"relayed\"} 1", metrics);
        Assert.Contains("envoi_accept_latency_seconds_bucket", metrics);
    }

    [Fact]
    public async Task Health_answers_ok_and_openapi_describes_the_outbox()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        var health = await envoi.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok\n", await health.Content.ReadAsStringAsync());
        var openapi = await envoi.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/outbox/{id}/cancel", openapi);
    }

    [Fact]
    public async Task Captured_mail_is_listed_when_no_upstream_is_configured()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        var (_, admin) = await envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
        var (_, alice) = await envoi.AddUserAsync("alice@example.com", "alice-password");
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "bob@example.net", "Captured"));
        var entry = await envoi.WaitForStatusAsync(id, MessageStatus.Relayed);
        Assert.StartsWith("250 captured as", entry.Recipients.Single().Response);

        var list = await admin.GetStringAsync("/api/captured");
        Assert.Contains("\"subject\":\"Captured\"", list);
        var raw = await admin.GetStringAsync($"/api/captured/{id}");
        Assert.Contains("Subject: Captured", raw);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.GetAsync("/api/captured")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/captured/..%2Fenvoi")).StatusCode);

        var (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "captured", "list");
        Assert.Equal(0, exit);
        Assert.Contains("Captured", output);
    }
}
