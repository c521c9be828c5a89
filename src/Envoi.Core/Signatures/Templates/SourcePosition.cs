namespace Envoi.Core.Signatures.Templates;

/// <summary>A 1-based line and column in a template source, from a character offset.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition At(string source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < source.Length; i++)
        {
            if (source[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return new SourcePosition(line, offset - lineStart + 1);
    }
}
