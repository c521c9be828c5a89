using System.Text.RegularExpressions;

namespace Envoi.Core.Signatures.Templates;

/// <summary>A Liquid syntax error, with the line and column Fluid reported (1-based) when it did.</summary>
public sealed partial record LiquidError(string Message, int? Line, int? Column)
{
    /// <summary>
    /// Reads Fluid's error text, e.g. <c>End of tag '}}' was expected at (1:16)\nSource:\n…</c>:
    /// the sentence before " at (", and the position inside the parentheses.
    /// </summary>
    public static LiquidError FromFluid(string fluidMessage)
    {
        var firstLine = fluidMessage.Split('\n')[0].TrimEnd('\r');
        var match = Position().Match(firstLine);
        if (!match.Success) return new LiquidError(firstLine.Trim(), null, null);
        var sentence = firstLine[..match.Index].Trim();
        return new LiquidError(sentence, int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["column"].Value));
    }

    public override string ToString() => Line is null ? Message : $"{Message} (line {Line}, column {Column})";

    [GeneratedRegex(@"\s+at \((?<line>\d+):(?<column>\d+)\)\s*$")]
    private static partial Regex Position();
}
