using Envoi.Core.Signatures;
using Envoi.Web.Directory;
using Microsoft.AspNetCore.Http;

namespace Envoi.Web.Signatures;

/// <summary>Reads the preview query (<c>to</c>, <c>kind</c>, <c>signature</c>) the same way for admins and employees.</summary>
internal static class SignaturePreviewHttp
{
    public static async Task<IResult> PreviewAsync(SignaturePreview preview, string sender, HttpRequest request, CancellationToken ct)
    {
        var to = request.Query["to"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (to.Count > 100) return Results.BadRequest(new DirectoryResultDto("At most 100 recipients in a preview.", []));
        var bad = to.Where(t => !MimeKit.MailboxAddress.TryParse(t, out var m) || !m.Address.Contains('@')).ToList();
        if (bad.Count > 0) return Results.BadRequest(new DirectoryResultDto("Invalid recipient address(es).", bad.Select(b => $"'{b}' is not an email address").ToList()));
        var kindText = request.Query["kind"].FirstOrDefault() ?? "new";
        if (!Enum.TryParse<MessageKind>(kindText, ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
            return Results.BadRequest(new DirectoryResultDto("kind must be new, reply or forward.", []));
        var result = await preview.PreviewAsync(sender, to, kind, request.Query["signature"].FirstOrDefault(), ct);
        return Results.Ok(PreviewDto.Of(result));
    }
}
