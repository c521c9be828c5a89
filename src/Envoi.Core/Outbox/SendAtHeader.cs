using System.Globalization;
using MimeKit.Utils;

namespace Envoi.Core.Outbox;

/// <summary>
/// Reads <c>X-Envoi-Send-At</c>: an RFC 5322 date (<c>Fri, 27 Nov 2026 09:00:00 +0100</c>) or an
/// ISO 8601 date-time with an offset (<c>2026-11-27T09:00:00+01:00</c>, or <c>Z</c>).
/// A time without a zone is refused: guessing the sender's zone could send mail hours off.
/// </summary>
public static class SendAtHeader
{
    public const string Name = "X-Envoi-Send-At";

    public static SendAtParse Parse(string value)
    {
        value = value.Trim();
        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)
            && (value.EndsWith('Z') || value.Contains('+') || value.LastIndexOf('-') > 10))
            return new(iso, null);
        if (DateUtils.TryParse(value, out var rfc))
            return new(rfc, null);
        return new(null, $"{Name}: '{value}' is neither an RFC 5322 date nor an ISO 8601 date-time with a time zone.");
    }
}

public readonly record struct SendAtParse(DateTimeOffset? SendAt, string? Error);
