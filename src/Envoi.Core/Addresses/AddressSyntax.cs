namespace Envoi.Core.Addresses;

/// <summary>
/// Envoi only relays to plain <c>local@domain</c> addresses. The forms below are legal in old RFCs
/// but exist today mainly to trick a relay into forwarding somewhere else, so they are refused
/// whoever sends them: the percent hack (<c>a%b@us</c>), UUCP bang paths (<c>b!a@us</c>), source
/// routes (<c>@us:a@ext</c>), a second <c>@</c> (<c>a@ext@us</c>, quoted or not) and domain literals
/// (<c>a@[192.0.2.1]</c>).
/// </summary>
public static class AddressSyntax
{
    /// <returns>Why <paramref name="address"/> is refused, or null when it is a plain mailbox.</returns>
    public static string? WhyRefused(string address)
    {
        if (string.IsNullOrWhiteSpace(address)) return "the address is empty";
        if (address.Length > 254) return "the address is longer than 254 characters";
        if (address.StartsWith('@')) return "source routes (@host:user@domain) are not accepted";
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return "the address needs the form local-part@domain";
        var local = address[..at];
        var domain = address[(at + 1)..];
        if (domain.StartsWith('[')) return "domain literals ([address]) are not accepted";
        if (local.Contains('@')) return "an address may contain only one @";
        if (local.Contains('%')) return "'%' routing (the percent hack) is not accepted";
        if (local.Contains('!')) return "'!' routing (bang paths) is not accepted";
        if (local.Contains(':')) return "source routes are not accepted";
        if (local.Length > 64) return "the local part is longer than 64 characters";
        if (!IsDomain(domain)) return $"'{domain}' is not a valid domain name";
        if (AddressForms.IsInternationalDomain(domain) && AddressForms.AsciiDomain(domain) is null)
            return $"'{domain}' is not a valid internationalized domain name (IDNA, RFC 5891)";
        foreach (var c in local)
            if (char.IsControl(c) || c == ' ' && !local.StartsWith('"')) return "the local part contains a control character or space";
        return null;
    }

    public static bool IsPlainMailbox(string address) => WhyRefused(address) is null;

    public static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();

    private static bool IsDomain(string domain)
    {
        if (domain.Length is 0 or > 253 || !domain.Contains('.')) return false;
        foreach (var label in domain.Split('.'))
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-')) return false;
            // Internationalized labels are allowed as UTF-8 (SMTPUTF8); only ASCII punctuation is checked.
            if (label.Any(c => c < 128 && !char.IsAsciiLetterOrDigit(c) && c != '-')) return false;
        }
        return true;
    }
}
