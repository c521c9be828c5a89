using System.Net;
using System.Text.RegularExpressions;
using Envoi.Core.Campaigns;
using Envoi.Core.Capture;
using Envoi.Core.Green.Images;
using Envoi.Core.Outbox;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SkiaSharp;

namespace Envoi.Demo;

/// <summary>
/// Makes the demo look lived in: a running campaign with a banner, a few messages sent through the
/// real gateway (captured, since the demo has no upstream), and a few clicks on their tracked links
/// through the real redirect — so the statistics and green report have something to show. Done once,
/// on the first demo run.
/// </summary>
internal static partial class DemoTraffic
{
    public const string CampaignName = "winter-webinar";

    public static async Task<bool> CreateCampaignAsync(IServiceProvider services, CancellationToken ct)
    {
        if (await services.GetRequiredService<ICampaignStore>().FindAsync(CampaignName, ct) is not null) return false;
        var (image, problem) = await services.GetRequiredService<SignatureImages>().UploadAsync("winter-webinar.png", BannerPng(), ct);
        if (image is null) throw new InvalidOperationException($"Demo banner: {problem}");
        var now = DateTime.UtcNow;
        var campaign = new Campaign(CampaignName, new CampaignSchedule(now.AddDays(-1), now.AddDays(30), "UTC"),
            new CampaignTargeting([], [], [], ExternalRecipientsOnly: true),
            [new Banner("winter-webinar.png", "https://example.com/webinar", "Join our winter webinar on December 10", 600, 120)],
            new Dictionary<string, string> { ["utm_source"] = "signature", ["utm_medium"] = "email", ["utm_campaign"] = "winter-webinar" });
        var (saved, problems) = await services.GetRequiredService<CampaignAdministration>().SaveAsync("demo", campaign, ct);
        if (saved is null) throw new InvalidOperationException($"Demo campaign: {string.Join("; ", problems)}");
        return true;
    }

    /// <summary>Sends a few messages as the admin, releases them at once, then clicks some of their links once the bot window has passed.</summary>
    public static async Task SendAndClickAsync(IServiceProvider services, IPEndPoint smtp, Uri http, string email, string password, CancellationToken ct)
    {
        var outbox = services.GetRequiredService<OutboxService>();
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Address.ToString(), smtp.Port, SecureSocketOptions.None, ct);
        await client.AuthenticateAsync(email, password, ct);
        foreach (var (to, subject) in new[] { ("bob@example.net", "Our proposal"), ("carol@example.org", "Meeting notes"), ("dan@example.net", "Quick question"), ("erin@example.com", "Lunch?") })
        {
            var message = new MimeMessage { Subject = subject, Body = new BodyBuilder { HtmlBody = $"<p>Hello,</p><p>{subject} — see you soon.</p><p>Sam</p>", TextBody = $"Hello,\n\n{subject} — see you soon.\n\nSam\n" }.ToMessageBody() };
            message.From.Add(MailboxAddress.Parse(email));
            message.To.Add(MailboxAddress.Parse(to));
            var reply = await client.SendAsync(message, ct);
            if (QueueIdIn(reply) is { } id) await outbox.SendNowAsync(Actor.Operator, id, ct);
        }
        await client.DisconnectAsync(true, ct);

        // Clicks within seconds of delivery are what link scanners do: wait, then click like a person.
        await Task.Delay(TimeSpan.FromSeconds(12), ct);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http };
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        var captured = services.GetRequiredService<CapturedMail>();
        foreach (var mail in captured.List().Take(3))
        {
            var html = (await MimeMessage.LoadAsync(captured.PathOf(mail.Name)!, ct)).HtmlBody ?? "";
            if (TrackedLink().Match(html) is { Success: true } link) await browser.GetAsync($"/c/{link.Groups[1].Value}", ct);
        }
    }

    private static string? QueueIdIn(string reply) => QueuedAs().Match(reply) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>A 600×120 banner drawn at start-up (nothing binary in the repository).</summary>
    private static byte[] BannerPng()
    {
        using var surface = SKSurface.Create(new SKImageInfo(600, 120));
        var canvas = surface.Canvas;
        using var background = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(600, 120), [new SKColor(0x1f, 0x4e, 0x79), new SKColor(0x3a, 0x7c, 0xb8)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, 600, 120, background);
        const string font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        if (File.Exists(font))
        {
            using var typeface = SKTypeface.FromFile(font);
            using var title = new SKFont(typeface, 30);
            using var line = new SKFont(typeface, 18);
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawText("Winter webinar", 28, 55, title, white);
            canvas.DrawText("December 10 · 3 pm CET · register now", 28, 88, line, white);
        }
        using var png = surface.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    [GeneratedRegex(@"queued as ([0-9A-Z]{16})")]
    private static partial Regex QueuedAs();

    [GeneratedRegex(@"/c/([A-Za-z0-9_=\-]{20,})")]
    private static partial Regex TrackedLink();
}
