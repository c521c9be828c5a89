using System.Globalization;
using Envoi.Core.Campaigns;
using Envoi.Core.Green.Images;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Envoi.Web.Localization;

namespace Envoi.Web.Pages.Marketing;

/// <summary>Campaigns: the list with pause/resume, and a form that uploads the banner and schedules the campaign.</summary>
public sealed class CampaignsModel(ICampaignStore store, CampaignAdministration admin, SignatureImages images, TimeProvider clock, IStringLocalizer<ConsoleText> T) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? End { get; set; }
    [BindProperty] public string? TimeZone { get; set; }
    [BindProperty] public IFormFile? Banner { get; set; }
    [BindProperty] public string? Link { get; set; }
    [BindProperty] public string? Alt { get; set; }
    [BindProperty] public int Width { get; set; } = 600;
    [BindProperty] public int Height { get; set; } = 120;
    [BindProperty] public string? Departments { get; set; }
    [BindProperty] public string? Groups { get; set; }
    [BindProperty] public string? Subsidiaries { get; set; }
    [BindProperty] public bool ExternalOnly { get; set; }
    [BindProperty] public string? UtmCampaign { get; set; }

    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];
    public DateTimeOffset Now => clock.GetUtcNow();
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Campaigns = await store.ListAsync(ct);

    public async Task OnPostPauseAsync(string name, bool paused, CancellationToken ct)
    {
        if (await admin.SetPausedAsync(User.Email(), name, paused, ct)) Message = paused ? T["Campaign '{0}' paused.", name] : T["Campaign '{0}' resumed.", name];
        else Problems.Add(T["No campaign named '{0}'.", name]);
        await OnGetAsync(ct);
    }

    public async Task OnPostCreateAsync(CancellationToken ct)
    {
        await CreateAsync(ct);
        await OnGetAsync(ct);
    }

    private async Task CreateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name)) { Problems.Add(T["Give the campaign a name."]); return; }
        if (!TryTime(Start, out var start) || !TryTime(End, out var end)) { Problems.Add(T["Give a start and an end date and time."]); return; }
        if (Banner is null || Banner.Length == 0) { Problems.Add(T["Choose a banner image."]); return; }
        var imageName = $"campaign-{Name.Trim().ToLowerInvariant().Replace(' ', '-')}{Path.GetExtension(Banner.FileName).ToLowerInvariant()}";
        var content = new MemoryStream();
        await Banner.CopyToAsync(content, ct);
        var (image, problem) = await images.UploadAsync(imageName, content.ToArray(), ct);
        if (image is null) { Problems.Add(problem!); return; }
        var campaign = new Campaign(Name.Trim(), new CampaignSchedule(start, end, string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim()),
            new CampaignTargeting(List(Groups), List(Departments), List(Subsidiaries), ExternalOnly),
            [new Banner(imageName, Link?.Trim() ?? "", Alt?.Trim() ?? "", Width, Height)],
            string.IsNullOrWhiteSpace(UtmCampaign) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["utm_source"] = "signature", ["utm_medium"] = "email", ["utm_campaign"] = UtmCampaign.Trim() });
        var (saved, problems) = await admin.SaveAsync(User.Email(), campaign, ct);
        if (saved is null) Problems.AddRange(problems);
        else Message = T["Campaign '{0}' saved.", saved.Name];
    }

    public string Describe(CampaignTargeting t)
    {
        var parts = new List<string>();
        if (t.Departments.Count > 0) parts.Add(T["departments {0}", string.Join(", ", t.Departments)]);
        if (t.Groups.Count > 0) parts.Add(T["groups {0}", string.Join(", ", t.Groups)]);
        if (t.Subsidiaries.Count > 0) parts.Add(T["subsidiaries {0}", string.Join(", ", t.Subsidiaries)]);
        if (t.ExternalRecipientsOnly) parts.Add(Lower(T["External recipients only"]));
        return parts.Count == 0 ? Lower(T["Everyone"]) : string.Join("; ", parts);
    }

    /// <summary>A label's words in the middle of a sentence (resource names ignore case, so there is one key per phrase).</summary>
    private static string Lower(LocalizedString text) => text.Value.ToLower(CultureInfo.CurrentCulture);

    private static IReadOnlyList<string> List(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool TryTime(string? text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
