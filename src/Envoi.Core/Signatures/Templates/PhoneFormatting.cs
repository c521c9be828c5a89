using PhoneNumbers;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Phone numbers as typed in the directory ("01 23 45 67 89", "+1 (212) 555-0100", "0049 30…"),
/// read with libphonenumber: national numbers in the organization's default region.
/// </summary>
public static class PhoneFormatting
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="E164">For links and vCards: <c>+33123456789</c>.</param>
    /// <param name="International">For people: <c>+33 1 23 45 67 89</c>.</param>
    /// <param name="National">For people in the same country: <c>01 23 45 67 89</c>.</param>
    /// <param name="TelUri">For href: <c>tel:+33123456789</c>, with <c>;ext=</c> when there is one.</param>
    public sealed record Phone(string E164, string International, string National, string TelUri);

    /// <returns>The number in its forms, or null when it is empty or not a valid number.</returns>
    public static Phone? Parse(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        try
        {
            var number = Util.Parse(raw.Trim(), string.IsNullOrWhiteSpace(defaultRegion) ? "ZZ" : defaultRegion.Trim().ToUpperInvariant());
            if (!Util.IsValidNumber(number)) return null;
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            var tel = number.HasExtension ? $"tel:{e164};ext={number.Extension}" : $"tel:{e164}";
            return new Phone(e164, Util.Format(number, PhoneNumberFormat.INTERNATIONAL), Util.Format(number, PhoneNumberFormat.NATIONAL), tel);
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
