using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Tests.Support;

namespace Envoi.Tests.Outbox;

/// <summary>The undo-send outbox over REST: employees act on their own messages only, admins on all.</summary>
public sealed class OutboxApiTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;
    private TestUpstream _upstream = null!;
    private HttpClient _alice = null!, _bob = null!, _admin = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _envoi = await EnvoiTestHost.StartAsync(s => { s.Hold.DefaultSeconds = 60; s.Upstream.Url = _upstream.Url; });
        (_, _alice) = await _envoi.AddUserAsync("alice@example.com", "alice-password");
        (_, _bob) = await _envoi.AddUserAsync("bob@example.com", "bob-password");
        (_, _admin) = await _envoi.AddUserAsync("admin@example.com", "admin-password", admin: true);
    }

    public async Task DisposeAsync()
    {
        await _envoi.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private Task<string> AliceSendsAsync(string subject = "Draft", string? extraHeader = null)
    {
        var message = EnvoiTestHost.Message("alice@example.com", "carol@example.net", subject);
        if (extraHeader is not null) message.Headers.Add(extraHeader.Split(':', 2)[0], extraHeader.Split(':', 2)[1].Trim());
        return _envoi.SendAsync("alice@example.com", "alice-password", message);
    }

    [Fact]
    public async Task Owner_sees_the_held_message_with_its_countdown()
    {
        var id = await AliceSendsAsync();
        var list = await _alice.GetFromJsonAsync<JsonElement>("/api/outbox");
        var message = list.EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);
        Assert.Equal("held", message.GetProperty("status").GetString());
        Assert.Equal("alice@example.com", message.GetProperty("from").GetString());
        Assert.Equal("carol@example.net", message.GetProperty("recipients")[0].GetString());
        Assert.InRange(message.GetProperty("secondsLeft").GetDouble(), 50, 60);
    }

    [Fact]
    public async Task Cancelled_message_never_reaches_the_upstream()
    {
        var id = await AliceSendsAsync("Oops");
        var response = await _alice.PostAsync($"/api/outbox/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("was cancelled", await response.Content.ReadAsStringAsync());
        Assert.Equal(MessageStatus.Cancelled, (await _envoi.FindAsync(id))!.Status);

        // Even "send now" cannot bring it back.
        var sendNow = await _alice.PostAsync($"/api/outbox/{id}/send-now", null);
        Assert.Equal(HttpStatusCode.Conflict, sendNow.StatusCode);
        await Task.Delay(500);
        Assert.Empty(_upstream.For("carol@example.net"));
    }

    [Fact]
    public async Task Send_now_releases_within_a_second()
    {
        var id = await AliceSendsAsync("Now please");
        var started = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await _alice.PostAsync($"/api/outbox/{id}/send-now", null)).StatusCode);
        await _envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(5));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5), $"took {DateTime.UtcNow - started}");
        var received = Assert.Single(_upstream.For("carol@example.net"));
        Assert.Equal("alice@example.com", received.Sender);
    }

    [Fact]
    public async Task Employee_cannot_see_or_touch_another_employees_message()
    {
        var id = await AliceSendsAsync("Private");
        var bobList = await _bob.GetFromJsonAsync<JsonElement>("/api/outbox");
        Assert.DoesNotContain(bobList.EnumerateArray(), m => m.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await _bob.GetAsync($"/api/outbox/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bob.PostAsync($"/api/outbox/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bob.PostAsync($"/api/outbox/{id}/send-now", null)).StatusCode);
        Assert.Equal(MessageStatus.Held, (await _envoi.FindAsync(id))!.Status);
    }

    [Fact]
    public async Task Admin_sees_and_cancels_every_message()
    {
        var id = await AliceSendsAsync("Watched");
        var list = await _admin.GetFromJsonAsync<JsonElement>("/api/outbox?status=held");
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.OK, (await _admin.PostAsync($"/api/outbox/{id}/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _envoi.Http.GetAsync("/api/outbox")).StatusCode);
        using var forged = new HttpClient { BaseAddress = _envoi.Http.BaseAddress };
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "envoi_forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/outbox")).StatusCode);
    }

    [Fact]
    public async Task Reschedule_moves_the_send_time_and_bad_input_gets_a_sentence()
    {
        var id = await AliceSendsAsync("Later");
        var at = DateTimeOffset.UtcNow.AddHours(3);
        var ok = await _alice.PostAsJsonAsync($"/api/outbox/{id}/reschedule", new { sendAt = at });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var entry = await _envoi.FindAsync(id);
        Assert.Equal(MessageStatus.Scheduled, entry!.Status);
        Assert.Equal(at.ToUnixTimeMilliseconds(), entry.ReleaseAt.ToUnixTimeMilliseconds());

        var past = await _alice.PostAsJsonAsync($"/api/outbox/{id}/reschedule", new { sendAt = DateTimeOffset.UtcNow.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("in the past", await past.Content.ReadAsStringAsync());
        var missing = await _alice.PostAsJsonAsync($"/api/outbox/{id}/reschedule", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _alice.GetAsync("/api/outbox?status=nonsense")).StatusCode);
    }

    [Fact]
    public async Task Send_at_header_schedules_the_message_and_is_removed_before_relay()
    {
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var id = await AliceSendsAsync("Timed", $"X-Envoi-Send-At: {sendAt:yyyy-MM-dd'T'HH:mm:ss.fffzzz}");
        Assert.Equal(MessageStatus.Scheduled, (await _envoi.FindAsync(id))!.Status);
        await _envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(10));
        var relayedAt = DateTimeOffset.UtcNow;
        Assert.True(relayedAt - sendAt < TimeSpan.FromSeconds(1.5), $"released {relayedAt - sendAt} late");
        var received = Assert.Single(_upstream.For("carol@example.net"));
        Assert.DoesNotContain("X-Envoi-Send-At", received.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Timed", received.Parse().Subject);
    }

    [Fact]
    public async Task Unparsable_send_at_header_is_refused_at_smtp_time_with_the_reason()
    {
        var error = await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() => AliceSendsAsync("Bad", "X-Envoi-Send-At: tomorrow-ish"));
        Assert.Equal(554, (int)error.StatusCode);
        Assert.Contains("X-Envoi-Send-At", error.Message);
    }

    [Fact]
    public async Task Cancel_with_return_sends_the_original_back_to_its_sender()
    {
        var id = await AliceSendsAsync("Needs another look");
        var response = await _alice.PostAsync($"/api/outbox/{id}/cancel?return=true", null);
        Assert.Contains("sent back to alice@example.com", await response.Content.ReadAsStringAsync());
        var returned = await _upstream.WaitForAsync(m => m.Recipients.Contains("alice@example.com"));
        var message = returned.Parse();
        Assert.Equal("", returned.Sender);
        Assert.Equal("Cancelled, not sent: Needs another look", message.Subject);
        var attached = Assert.Single(message.BodyParts.OfType<MimeKit.MessagePart>());
        Assert.Equal("Needs another look", attached.Message!.Subject);
        Assert.Empty(_upstream.For("carol@example.net"));

        // Returned once only.
        var again = await _alice.PostAsync($"/api/outbox/{id}/cancel?return=true", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Per_user_hold_window_applies()
    {
        await _envoi.AddUserAsync("quick@example.com", "quick-password", holdSeconds: 0);
        var id = await _envoi.SendAsync("quick@example.com", "quick-password", EnvoiTestHost.Message("quick@example.com", "dave@example.net"));
        await _envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(5));
    }
}
