using System.Text;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// A vCard 3.0 (RFC 2426) for one employee, from the same values as their signature: name,
/// organization, title, phones in E.164, email, office address, photo and profile URLs. Version
/// 3.0 because Outlook reads it as well as Apple and Google contacts do (4.0 is still patchy).
/// Text is escaped (\\ \, \; and line breaks as \n), lines end with CRLF and are folded at 75
/// octets without splitting a UTF-8 character.
/// </summary>
public static class VCard
{
    public const string ContentType = "text/vcard; charset=utf-8";

    private const int MaxLineOctets = 75;

    public static string Write(SignatureModel employee)
    {
        string V(string name) => employee.Value(name);
        var lines = new List<string> { "BEGIN:VCARD", "VERSION:3.0" };

        var fullName = FirstNonEmpty(V("displayName"), $"{V("firstName")} {V("lastName")}".Trim(), employee.Email);
        lines.Add($"N:{Structured(V("lastName"), V("firstName"), "", "", "")}");
        lines.Add($"FN:{Escape(fullName)}");
        var organization = FirstNonEmpty(V("company"), V("subsidiary"));
        if (organization.Length > 0 || V("department").Length > 0)
            lines.Add($"ORG:{Structured(new[] { organization, V("department") }.Where(part => part.Length > 0).ToArray())}");
        if (V("jobTitle").Length > 0) lines.Add($"TITLE:{Escape(V("jobTitle"))}");

        AddPhone(lines, "TEL;TYPE=WORK,VOICE", V("phone"), employee.DefaultRegion);
        AddPhone(lines, "TEL;TYPE=CELL,VOICE", V("mobile"), employee.DefaultRegion);
        if (employee.Email.Trim().Length > 0) lines.Add($"EMAIL;TYPE=INTERNET,WORK:{Escape(employee.Email.Trim())}");
        // The directory keeps the office address as one text: it goes in the street component,
        // and as the label, so clients show it as written.
        if (V("officeAddress").Length > 0)
        {
            lines.Add($"ADR;TYPE=WORK:{Structured("", "", V("officeAddress"), "", "", "", "")}");
            lines.Add($"LABEL;TYPE=WORK:{Escape(V("officeAddress"))}");
        }
        if (SafeUrl.Web(V("photoUrl")) is { } photo) lines.Add($"PHOTO;VALUE=uri:{photo}");
        foreach (var network in SocialIcons.Networks)
            if (SafeUrl.Web(V(network.Attribute)) is { } profile)
                lines.Add($"X-SOCIALPROFILE;TYPE={network.Attribute}:{profile}");
        foreach (var name in new[] { "bookingUrl", "linkedin" })
            if (SafeUrl.Web(V(name)) is { } url) lines.Add($"URL:{url}");
        lines.Add("END:VCARD");

        var card = new StringBuilder();
        foreach (var line in lines) Fold(card, line);
        return card.ToString();
    }

    /// <summary>A file name for the download: the person's name, without characters file systems refuse.</summary>
    public static string FileName(SignatureModel employee)
    {
        var name = FirstNonEmpty(employee.Value("displayName"), employee.Email.Split('@')[0], "contact");
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' ? c : '_').ToArray()).Trim();
        return (safe.Length == 0 ? "contact" : safe) + ".vcf";
    }

    public static string Escape(string text) => text
        .Replace("\\", "\\\\")
        .Replace(",", "\\,")
        .Replace(";", "\\;")
        .Replace("\r\n", "\\n")
        .Replace("\n", "\\n")
        .Replace("\r", "\\n");

    private static string Structured(params string[] components) => string.Join(';', components.Select(Escape));

    private static void AddPhone(List<string> lines, string property, string raw, string region)
    {
        if (raw.Length == 0) return;
        var phone = PhoneFormatting.Parse(raw, region);
        lines.Add($"{property}:{(phone is null ? Escape(raw) : phone.E164)}");
    }

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(value => value.Trim().Length > 0)?.Trim() ?? "";

    /// <summary>RFC 2426 §2.6: a line longer than 75 octets continues on the next line after CRLF and one space.</summary>
    private static void Fold(StringBuilder card, string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > MaxLineOctets)
            {
                card.Append("\r\n ");
                octets = 1;
            }
            card.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        card.Append("\r\n");
    }
}
