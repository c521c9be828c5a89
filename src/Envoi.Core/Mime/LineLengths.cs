namespace Envoi.Core.Mime;

/// <summary>RFC 5322 limits a line to 998 octets; only quoted-printable or base64 may carry longer ones.</summary>
internal static class LineLengths
{
    public const int Max = 998;

    public static bool HasLongLine(ReadOnlySpan<byte> bytes)
    {
        // One look per window of Max + 1 bytes rather than one per line: a window without a line
        // feed is a line over the limit, else the next window starts after its last line feed.
        while (bytes.Length > Max)
        {
            var newline = bytes[..(Max + 1)].LastIndexOf((byte)'\n');
            if (newline < 0) return true;
            bytes = bytes[(newline + 1)..];
        }
        return false;
    }

    /// <summary>Whether <paramref name="before"/> + <paramref name="inserted"/> + <paramref name="after"/> has a line over the limit, without joining them.</summary>
    public static bool HasLongLine(ReadOnlySpan<byte> before, ReadOnlySpan<byte> inserted, ReadOnlySpan<byte> after)
    {
        if (HasLongLine(before) || HasLongLine(inserted) || HasLongLine(after)) return true;
        var head = before.Length - (before.LastIndexOf((byte)'\n') + 1);
        var tail = after.IndexOf((byte)'\n') is var end and >= 0 ? end : after.Length;
        var firstNewline = inserted.IndexOf((byte)'\n');
        if (firstNewline < 0) return head + inserted.Length + tail > Max;
        var lastLine = inserted.Length - (inserted.LastIndexOf((byte)'\n') + 1);
        return head + firstNewline > Max || lastLine + tail > Max;
    }
}
