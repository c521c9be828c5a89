using System.Diagnostics;
using Envoi.Core.Outbox;
using Envoi.Core.Queue;
using Envoi.Hosting;
using Envoi.Tests.Support;
using MimeKit;

namespace Envoi.Tests.Deliver;

/// <summary>
/// The smarthost behind <see cref="FaultProxy"/>: it hangs after DATA, resets mid-body, answers
/// slowly, or is down for a long time (a shortened retry schedule stands in for the hour). Every
/// message is delivered in the end, and more than once only where SMTP itself cannot know
/// (the upstream took the message but its reply was lost: the at-least-once window).
/// </summary>
public sealed class UpstreamNetworkFaultTests : IAsyncLifetime
{
    private TestUpstream _upstream = null!;
    private FaultProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _upstream = await TestUpstream.StartAsync();
        _proxy = FaultProxy.To(_upstream.Port);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    private async Task<EnvoiTestHost> EnvoiAsync(Action<EnvoiSettings>? configure = null)
    {
        var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Upstream.Url = _proxy.Url;
            s.Upstream.Timeout = TimeSpan.FromSeconds(2);
            s.Queue.RetrySchedule = [TimeSpan.FromMilliseconds(500)];
            configure?.Invoke(s);
        });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        return envoi;
    }

    private static MimeMessage Large(string to) =>
        EnvoiTestHost.Message("alice@example.com", to, "Quarterly figures", string.Concat(Enumerable.Repeat("The figures went up again this quarter, line after line.\r\n", 2000)));

    [Fact]
    public async Task Reset_mid_body_defers_then_delivers_exactly_once()
    {
        await using var envoi = await EnvoiAsync();
        _proxy.ResetAfterClientBytes = 40_000; // the body is ~110 KB: the reset comes in the middle of it
        var id = await envoi.SendAsync("alice@example.com", "alice-password", Large("reset@example.net"));
        var deferred = await envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        Assert.StartsWith("421 4.4.2", deferred.Recipients.Single().Response);
        Assert.Empty(_upstream.For("reset@example.net")); // a broken DATA is not a message

        _proxy.ResetAfterClientBytes = -1;
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(15));
        Assert.Single(_upstream.For("reset@example.net"));
    }

    [Fact]
    public async Task Hang_after_data_times_out_defers_and_the_retry_is_the_only_duplicate()
    {
        await using var envoi = await EnvoiAsync();
        _proxy.HangAfterEndOfData = true;
        var watch = Stopwatch.StartNew();
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "hang@example.net"));
        var deferred = await envoi.WaitForStatusAsync(id, MessageStatus.Deferred);
        var timedOutAfter = watch.Elapsed;
        Assert.StartsWith("421 4.4.2", deferred.Recipients.Single().Response);
        Assert.InRange(timedOutAfter, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10)); // Upstream:Timeout = 2 s, not forever

        _proxy.HangAfterEndOfData = false;
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(15));
        await Task.Delay(1500); // nothing more leaves after the message is relayed
        // The upstream stored the first copy but its 250 never came back: SMTP cannot tell, so the
        // message is sent again (RFC 1047). That copy is the at-least-once window, and the only one.
        var copies = _upstream.For("hang@example.net");
        Assert.Equal(2, copies.Count);
        Assert.Equal(copies[0].Parse().MessageId, copies[1].Parse().MessageId);
    }

    [Fact]
    public async Task Slow_upstream_answering_a_line_at_a_time_still_delivers()
    {
        await using var envoi = await EnvoiAsync();
        _proxy.ReplyDelayMs = 250; // below Upstream:Timeout per reply, ~3 s for the whole transaction
        var watch = Stopwatch.StartNew();
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "slow@example.net"));
        var entry = await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(30));
        Assert.Equal(1, entry.Attempts);
        Assert.True(watch.Elapsed > TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.Single(_upstream.For("slow@example.net"));
    }

    [Fact]
    public async Task Upstream_down_for_long_is_retried_with_back_off_and_delivered_once_when_back()
    {
        // The retry schedule shortened a thousandfold: 0.3 s, 0.6 s, 1.2 s, then 1.2 s again.
        await using var envoi = await EnvoiAsync(s => s.Queue.RetrySchedule = [TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(1200)]);
        _proxy.Down = true;
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "down@example.net"));
        await envoi.WaitUntilAsync(id, e => e.Attempts >= 4, "four attempts while down", TimeSpan.FromSeconds(20));
        var attempts = _proxy.Connections.ToArray();
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToArray();
        Assert.True(gaps[0] >= 250 && gaps[1] >= 550 && gaps[2] >= 1100, $"back-off gaps (ms): {string.Join(", ", gaps.Select(g => g.ToString("0")))}");

        _proxy.Down = false;
        var back = DateTime.UtcNow;
        await envoi.WaitForStatusAsync(id, MessageStatus.Relayed, TimeSpan.FromSeconds(15));
        Assert.True(DateTime.UtcNow - back < TimeSpan.FromSeconds(5), "delivered within one back-off step of the upstream's return");
        Assert.Single(_upstream.For("down@example.net"));
    }

    [Fact]
    public async Task Down_past_the_queue_lifetime_bounces_once_to_the_sender()
    {
        await using var envoi = await EnvoiAsync(s => s.Queue.MaxAge = TimeSpan.FromSeconds(2));
        _proxy.Down = true;
        var id = await envoi.SendAsync("alice@example.com", "alice-password", EnvoiTestHost.Message("alice@example.com", "gone@example.net"));
        var failed = await envoi.WaitForStatusAsync(id, MessageStatus.Failed, TimeSpan.FromSeconds(15));
        Assert.StartsWith("4.4.7 Gave up after", failed.Recipients.Single().Response);
        _proxy.Down = false; // the bounce itself goes through the same upstream
        var bounce = await _upstream.WaitForAsync(m => m.Sender == "" && m.Recipients.Contains("alice@example.com"));
        Assert.Contains("gone@example.net", bounce.Text);
        await Task.Delay(1000);
        Assert.Single(_upstream.Received, m => m.Sender == "");
        Assert.Empty(_upstream.For("gone@example.net"));
    }
}
