using System.Numerics;
using System.Text.RegularExpressions;

namespace Envoi.Core.Checks;

/// <summary>
/// Finds bank account numbers (IBAN, confirmed by their mod-97 check digits) and payment card
/// numbers (13 to 19 digits, confirmed by the Luhn checksum) in a text. The checksums are what
/// keep order numbers and phone numbers from being reported.
/// </summary>
public static partial class SensitiveData
{
    public static IReadOnlyList<SensitiveMatch> Find(string text)
    {
        var found = new List<SensitiveMatch>();
        var ibanSpans = new List<(int Start, int End)>();
        foreach (Match m in IbanCandidate().Matches(text))
        {
            var iban = Compact(m.Value);
            if (iban.Length is < 15 or > 34 || !IsValidIban(iban)) continue;
            found.Add(new SensitiveMatch("iban", Mask(iban)));
            ibanSpans.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in CardCandidate().Matches(text))
        {
            if (ibanSpans.Any(s => m.Index < s.End && m.Index + m.Length > s.Start)) continue; // digits inside an IBAN
            var digits = Compact(m.Value);
            if (digits.Length is >= 13 and <= 19 && PassesLuhn(digits)) found.Add(new SensitiveMatch("card", Mask(digits)));
        }
        return found;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers, the result mod 97 is 1.</summary>
    public static bool IsValidIban(string iban)
    {
        if (iban.Length < 5 || !char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;
        var rearranged = iban[4..] + iban[..4];
        var digits = new System.Text.StringBuilder();
        foreach (var c in rearranged)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (char.IsAsciiLetterUpper(c)) digits.Append(c - 'A' + 10);
            else return false;
        }
        return BigInteger.Parse(digits.ToString()) % 97 == 1;
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9) return false;
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0 && digits.Distinct().Count() > 1; // 0000 0000 0000 0000 is not a card
    }

    private static string Compact(string value) => new(value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Only the last four characters are kept, so a report never repeats the secret.</summary>
    private static string Mask(string value) => new string('•', Math.Max(0, value.Length - 4)) + value[^4..];

    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b")]
    private static partial Regex IbanCandidate();

    [GeneratedRegex(@"(?<![\dA-Z])(?:\d[ -]?){12,18}\d(?![\d])")]
    private static partial Regex CardCandidate();
}

/// <param name="Kind">iban or card.</param>
/// <param name="Masked">The value with all but the last four characters hidden.</param>
public sealed record SensitiveMatch(string Kind, string Masked);
