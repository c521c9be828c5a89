using System.Text.RegularExpressions;

namespace Envoi.Core.Signatures.Templates;

/// <summary>
/// Where the Liquid is in a template source. Fluid's syntax tree carries no positions, so the
/// validator finds a name it reports by looking for it inside <c>{{ … }}</c> and <c>{% … %}</c>
/// (outside quoted strings); and the HTML check reads the source with the Liquid blanked out, so
/// that a <c>&gt;</c> in a filter argument is not taken for the end of a tag while every position
/// stays where the admin sees it.
/// </summary>
public static partial class LiquidRegions
{
    /// <summary>The source with every Liquid tag and output replaced by spaces (line breaks kept).</summary>
    public static string Blank(string source)
    {
        var chars = source.ToCharArray();
        foreach (Match region in Region().Matches(source))
            for (var i = region.Index; i < region.Index + region.Length; i++)
                if (chars[i] is not ('\n' or '\r')) chars[i] = ' ';
        return new string(chars);
    }

    /// <summary>The first place a variable is read, e.g. <c>jobtitle</c> in <c>{{ jobtitle | upcase }}</c>.</summary>
    public static SourcePosition? FindVariable(string source, string name) =>
        Find(source, $@"(?<![\w.\-|'""]){Regex.Escape(name)}(?![\w\-])", notAfterPipe: true);

    /// <summary>The first place a filter is called, e.g. <c>telink</c> in <c>{{ phone | telink }}</c>.</summary>
    public static SourcePosition? FindFilter(string source, string name) =>
        Find(source, $@"\|\s*(?<name>{Regex.Escape(name)})(?![\w\-])", notAfterPipe: false);

    private static SourcePosition? Find(string source, string pattern, bool notAfterPipe)
    {
        var nameRegex = new Regex(pattern, RegexOptions.IgnoreCase);
        foreach (Match region in Region().Matches(source))
        {
            var code = Quoted().Replace(region.Value, quoted => new string(' ', quoted.Length));
            foreach (Match match in nameRegex.Matches(code))
            {
                var index = match.Groups["name"].Success ? match.Groups["name"].Index : match.Index;
                // A filter's own name is not a variable read: skip "upcase" in "| upcase".
                if (notAfterPipe && code[..index].TrimEnd().EndsWith('|')) continue;
                return SourcePosition.At(source, region.Index + index);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex Quoted();
}
