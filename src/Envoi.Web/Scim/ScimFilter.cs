using System.Text.RegularExpressions;

namespace Envoi.Web.Scim;

/// <summary>
/// The filters identity providers send: <c>attribute eq "value"</c> (Entra ID and Okta look users
/// up by userName or externalId, groups by displayName). Anything else is refused with
/// invalidFilter rather than ignored, so a provider never mistakes "no match" for "not supported".
/// </summary>
internal static partial class ScimFilter
{
    public static (string Attribute, string Value)? Parse(string filter) =>
        Equality().Match(filter) is { Success: true } m
            ? (m.Groups["attr"].Value, Regex.Unescape(m.Groups["value"].Value))
            : null;

    [GeneratedRegex(@"^\s*(?<attr>[A-Za-z][\w.:]*)\s+eq\s+""(?<value>(?:[^""\\]|\\.)*)""\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Equality();
}
