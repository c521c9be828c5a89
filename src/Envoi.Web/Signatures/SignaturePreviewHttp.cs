using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Http;

namespace Envoi.Web.Signatures;

/// <summary>Reads the preview query (<c>to</c>, <c>cc</c>, <c>kind</c>, <c>signature</c>) the same way for admins, employees and the Outlook add-in.</summary>
internal static class SignaturePreviewHttp
{
    public static async Task<IResult> PreviewAsync(SignaturePreview preview, string sender, HttpRequest request, CancellationToken ct)
    {
        if (Read(request) is not { } query) return Refusal(request);
        var result = await preview.PreviewAsync(sender, query.Recipients, query.Kind, request.Query["signature"].FirstOrDefault(), ct);
        return Results.Ok(PreviewDto.Of(result));
    }

    /// <summary>The recipients (<c>to</c> then <c>cc</c>, comma-separated or repeated) and the kind; null when either is malformed.</summary>
    public static (IReadOnlyList<string> Recipients, MessageKind Kind)? Read(HttpRequest request) =>
        Problem(request, out var recipients, out var kind) is null ? (recipients, kind) : null;

    /// <summary>The 400 answer for a query <see cref="Read"/> refused.</summary>
    public static IResult Refusal(HttpRequest request) => Results.BadRequest(Problem(request, out _, out _));

    private static DirectoryResultDto? Problem(HttpRequest request, out List<string> recipients, out MessageKind kind)
    {
        recipients = request.Query["to"].Concat(request.Query["cc"])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        kind = MessageKind.New;
        if (recipients.Count > 100) return new DirectoryResultDto("At most 100 recipients in a preview.", []);
        var bad = recipients.Where(t => !MimeKit.MailboxAddress.TryParse(t, out var m) || !m.Address.Contains('@')).ToList();
        if (bad.Count > 0) return new DirectoryResultDto("Invalid recipient address(es).", bad.Select(b => $"'{b}' is not an email address").ToList());
        // Display forms ("Bob <bob@client.test>") count as their address, as in a message header.
        recipients = recipients.Select(r => MimeKit.MailboxAddress.Parse(r).Address).ToList();
        var kindText = request.Query["kind"].FirstOrDefault() ?? "new";
        if (!Enum.TryParse(kindText, ignoreCase: true, out kind) || int.TryParse(kindText, out _))
            return new DirectoryResultDto("kind must be new, reply or forward.", []);
        return null;
    }
}
