namespace Envoi.Core.Signatures.Placement;

/// <summary>The lines inserted into a text/plain body, in the body's own line endings.</summary>
internal static class TextSignatureBlock
{
    /// <summary>
    /// At the end of the author's text the block starts with the RFC 3676 "-- " delimiter. Above a
    /// quote it does not: readers treat everything after "-- " as signature, and would grey out or
    /// strip the quoted thread below it. A template that writes its own delimiter line gets it
    /// only once, by the same rule.
    /// </summary>
    public static string For(ReadOnlySpan<char> text, PartPlacement placement, string signatureText)
    {
        var newline = text.IndexOf("\r\n") >= 0 ? "\r\n" : "\n";
        var lines = signatureText.Replace("\r\n", "\n").TrimEnd('\n');
        if (lines.Split('\n', 2)[0].TrimEnd() == "--") lines = lines.Contains('\n') ? lines[(lines.IndexOf('\n') + 1)..] : "";
        var body = lines.Replace("\n", newline);
        if (!placement.AtEnd) return newline + body + newline;
        var startsLine = placement.Offset == 0 || text[placement.Offset - 1] == '\n';
        return (startsLine ? "" : newline) + "-- " + newline + body + newline;
    }
}
