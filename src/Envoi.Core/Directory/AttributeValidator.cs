using System.Text.RegularExpressions;
using Envoi.Core.Addresses;

namespace Envoi.Core.Directory;

/// <summary>
/// Checks and normalizes a value for its attribute: a phone is a phone (kept as written, checked
/// for 6 to 15 digits as E.164 allows), a URL is absolute http(s), an email is a plain mailbox.
/// Every refusal is a sentence that names the attribute and says what is expected.
/// </summary>
public static class AttributeValidator
{
    public const int MaxLength = 2048;

    public static ValidationResult Validate(AttributeDefinition attribute, string? raw)
    {
        var value = raw?.Trim() ?? "";
        if (value.Length == 0) return ValidationResult.Ok(""); // empty clears the value
        if (value.Length > MaxLength)
            return Fail(attribute, $"is {value.Length} characters long; the limit is {MaxLength}");
        if (value.Any(c => char.IsControl(c)))
            return Fail(attribute, "contains control characters (line breaks, tabs…)");

        var problem = attribute.Type switch
        {
            AttributeType.Phone => PhoneProblem(value),
            AttributeType.Url => UrlProblem(value, allowRelativeAsset: false),
            AttributeType.Image => UrlProblem(value, allowRelativeAsset: true),
            AttributeType.Email => AddressSyntax.WhyRefused(value) is { } why ? $"is not an email address ({why})" : null,
            _ => null,
        };
        if (problem is not null) return Fail(attribute, problem);
        if (attribute.Pattern is { } pattern && !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)))
            return Fail(attribute, $"does not match the required format {pattern}");
        return ValidationResult.Ok(attribute.Type == AttributeType.Email ? value.ToLowerInvariant() : value);
    }

    private static string? PhoneProblem(string value)
    {
        if (value.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '.' or '(' or ')' or '/')))
            return "is not a phone number (digits, spaces, + - . ( ) only)";
        if (value.IndexOf('+') > 0) return "is not a phone number (+ may only come first)";
        var digits = value.Count(char.IsAsciiDigit);
        return digits is < 6 or > 15 ? $"is not a phone number ({digits} digits; E.164 allows 6 to 15)" : null;
    }

    private static string? UrlProblem(string value, bool allowRelativeAsset)
    {
        if (allowRelativeAsset && value.StartsWith("/assets/", StringComparison.Ordinal)) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            return "is not a web address (it must start with https:// or http://)";
        return null;
    }

    private static ValidationResult Fail(AttributeDefinition attribute, string problem) =>
        ValidationResult.Fail($"{attribute.Label} ({attribute.Name}) {problem}.");
}

public readonly record struct ValidationResult(string? Value, string? Error)
{
    public bool IsValid => Error is null;
    public static ValidationResult Ok(string value) => new(value, null);
    public static ValidationResult Fail(string error) => new(null, error);
}
