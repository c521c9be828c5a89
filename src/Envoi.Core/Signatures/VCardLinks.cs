namespace Envoi.Core.Signatures;

/// <summary>
/// The vCard download link of a signature: <c>{base}/vcard/{employeeId}-{hmac}.vcf</c>. Signed so
/// that nobody can walk the directory by counting ids.
/// </summary>
public sealed class VCardLinks(LinkSigningKey key)
{
    public string Url(int employeeId) => $"{key.BaseUrl}/vcard/{employeeId}-{key.Sign($"vcard|{employeeId}")}.vcf";

    /// <returns>The employee id, or null for a token Envoi did not make.</returns>
    public int? Read(string token)
    {
        if (token.EndsWith(".vcf", StringComparison.OrdinalIgnoreCase)) token = token[..^4];
        var dash = token.IndexOf('-');
        if (dash <= 0 || dash > 10 || !int.TryParse(token.AsSpan(0, dash), System.Globalization.NumberStyles.None, null, out var id)) return null;
        return key.Verify($"vcard|{id}", token[(dash + 1)..]) ? id : null;
    }
}
