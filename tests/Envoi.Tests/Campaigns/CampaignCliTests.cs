using Envoi.Core.Campaigns;
using Envoi.Tests.Support;
using Xunit;

namespace Envoi.Tests.Campaigns;

/// <summary><c>envoi campaigns</c> as an operator runs it, against the data directory of a running gateway.</summary>
public class CampaignCliTests
{
    [Fact]
    public async Task Create_list_pause_and_resume_a_campaign()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        var image = Path.Combine(envoi.DataDirectory, "spring.png");
        await File.WriteAllBytesAsync(image, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));

        var (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "campaigns", "create", "spring", "--image", image, "--link", "https://shop.example.com/spring",
            "--alt", "Spring sale", "--start", "2026-03-29T02:30", "--end", "2026-04-30T00:00", "--time-zone", "Europe/Paris", "--department", "Sales", "--external-only", "--utm", "utm_source=signature");
        Assert.True(exit == 0, output);
        // 02:30 on the night clocks go forward does not exist in Paris: the campaign starts at 03:30 local, 01:30 UTC.
        Assert.Contains("2026-03-29 01:30:00Z", output);

        var campaign = await envoi.Get<ICampaignStore>().FindAsync("spring", default);
        Assert.NotNull(campaign);
        Assert.Equal(["Sales"], campaign.Targeting.Departments);
        Assert.True(campaign.Targeting.ExternalRecipientsOnly);
        Assert.Equal("signature", campaign.Utm["utm_source"]);

        (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "campaigns", "pause", "spring");
        Assert.True(exit == 0, output);
        (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "campaigns", "list");
        Assert.Contains("spring", output);
        Assert.Contains("paused", output);
        (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "campaigns", "resume", "spring");
        Assert.True(exit == 0, output);
        Assert.False((await envoi.Get<ICampaignStore>().FindAsync("spring", default))!.Paused);

        (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "campaigns", "pause", "nothing");
        Assert.Equal(2, exit);
        Assert.Contains("no campaign named 'nothing'", output);
        (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "campaigns", "create", "bad", "--image", image, "--link", "ftp://x", "--start", "2026-05-01", "--end", "2026-04-01");
        Assert.Equal(1, exit);
        Assert.Contains("the end must come after the start", output);
    }
}
