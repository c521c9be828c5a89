using System.Text;

namespace Envoi.Core.Checks;

/// <summary>
/// Is a recipient's domain a near miss of a domain the organization really writes to
/// (<c>gmial.com</c> for gmail.com, <c>examp1e.com</c>, <c>rnicrosoft.com</c>, a Cyrillic "а")?
/// Domains are compared after folding look-alike characters, then on the name before the public
/// suffix: up to 8 characters, one typo (a keyboard neighbour or a swap on names of 5 or fewer, any
/// substitution above; a letter dropped or doubled anywhere but first); beyond, two edits. Large
/// mailbox providers are genuine whatever they resemble (mail.com is not a typo of gmail.com).
/// </summary>
public static class LookalikeDomains
{
    /// <returns>The known domain <paramref name="domain"/> imitates, or null when it is known or unlike any.</returns>
    public static string? Imitated(string domain, IReadOnlyCollection<string> known)
    {
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (known.Contains(domain, StringComparer.OrdinalIgnoreCase) || WellKnown.Contains(domain)) return null;
        var folded = Fold(domain);
        foreach (var candidate in known)
        {
            var target = candidate.ToLowerInvariant();
            if (Fold(target) == folded) return target; // homoglyphs only: examp1e.com, rn → m
            var (name, suffix) = Split(domain);
            var (targetName, targetSuffix) = Split(target);
            if (name == targetName && suffix != targetSuffix && IsCommonSuffixSwap(suffix, targetSuffix)) return target; // example.co for example.com
            if (suffix != targetSuffix || targetName.Length < 4) continue;
            if (targetName.Length <= 8 ? OneTypo(name, targetName) : Distance(name, targetName) <= 2) return target;
        }
        return null;
    }

    /// <summary>Characters people and fonts confuse, folded to one form.</summary>
    public static string Fold(string domain)
    {
        var text = domain.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Replace("rn", "m").Replace("vv", "w").Replace("cl", "d");
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '0' => 'o', '1' or 'i' or '|' => 'l', '5' => 's', '3' => 'e', '4' => 'a',
                'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'х' => 'x', 'у' => 'y', 'і' => 'l', // Cyrillic
                'ο' => 'o', 'α' => 'a', 'ν' => 'v', // Greek
                _ => c,
            });
        }
        return builder.ToString();
    }

    private static (string Name, string Suffix) Split(string domain)
    {
        var parts = domain.Split('.');
        // Two-level public suffixes people actually use: co.uk, com.au, co.jp…
        var suffixLength = parts.Length >= 3 && parts[^2] is "co" or "com" or "org" or "net" or "ac" or "gov" ? 2 : 1;
        if (parts.Length <= suffixLength) return (domain, "");
        return (string.Join('.', parts[..^suffixLength]), string.Join('.', parts[^suffixLength..]));
    }

    private static bool IsCommonSuffixSwap(string a, string b) =>
        (a, b) is ("co", "com") or ("cm", "com") or ("om", "com") or ("con", "com") or ("comm", "com") or ("cpm", "com") or ("vom", "com");

    /// <summary>One typo away from <paramref name="name"/>: see the class summary for what counts.</summary>
    private static bool OneTypo(string typed, string name)
    {
        if (typed.Length == name.Length)
        {
            var diffs = Enumerable.Range(0, name.Length).Where(i => typed[i] != name[i]).ToList();
            if (diffs.Count == 2 && diffs[1] == diffs[0] + 1 && typed[diffs[0]] == name[diffs[1]] && typed[diffs[1]] == name[diffs[0]]) return true; // swap
            if (diffs.Count != 1) return false;
            var i = diffs[0];
            return name.Length > 5 || KeyboardNeighbours(typed[i], name[i]);
        }
        if (Math.Abs(typed.Length - name.Length) != 1) return false;
        var (longer, shorter) = typed.Length > name.Length ? (typed, name) : (name, typed);
        var k = 0;
        while (k < shorter.Length && longer[k] == shorter[k]) k++;
        return k > 0 && longer[(k + 1)..] == shorter[k..];
    }

    private static readonly string[] KeyboardRows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn"];

    private static bool KeyboardNeighbours(char a, char b) =>
        KeyboardRows.Any(row => row.IndexOf(a) is var i and >= 0 && row.IndexOf(b) is var j and >= 0 && Math.Abs(i - j) == 1);

    /// <summary>Mailbox providers with millions of users: genuine even when one letter from another.</summary>
    private static readonly HashSet<string> WellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.fr", "yahoo.de", "yahoo.es", "hotmail.com", "hotmail.fr", "outlook.com", "outlook.fr",
        "live.com", "live.fr", "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "mail.com", "email.com", "gmx.com", "gmx.de", "gmx.net",
        "web.de", "t-online.de", "proton.me", "protonmail.com", "orange.fr", "free.fr", "sfr.fr", "laposte.net", "wanadoo.fr", "yandex.com",
        "zoho.com", "fastmail.com", "mail.ru",
    };

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
