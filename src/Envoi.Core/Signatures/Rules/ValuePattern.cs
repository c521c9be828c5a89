namespace Envoi.Core.Signatures.Rules;

/// <summary>Attribute values in rules: case-insensitive, with <c>*</c> standing for any run of characters ("Sales*").</summary>
public static class ValuePattern
{
    public static bool Matches(string pattern, string? value)
    {
        value ??= "";
        if (!pattern.Contains('*')) return string.Equals(pattern.Trim(), value.Trim(), StringComparison.OrdinalIgnoreCase);
        var parts = pattern.Trim().Split('*');
        var text = value.Trim();
        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }
        var last = parts[^1];
        return text.Length - at >= last.Length && text.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }
}
