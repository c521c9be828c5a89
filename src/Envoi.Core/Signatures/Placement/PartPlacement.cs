namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Where a signature goes in one body part: an offset into the decoded text, and in words where
/// that is. <see cref="AtEnd"/> placements follow the author's text with nothing below (a new
/// message, or a bottom-posted reply); the others sit directly above the quoted thread.
/// </summary>
internal sealed record PartPlacement(int Offset, string Where, bool AtEnd, bool AlreadyPresent)
{
    public static PartPlacement Present(string where) => new(-1, where, false, true);
}
