namespace Envoi.Core.Green.Images;

/// <summary>What an image's header says, read without decoding its pixels.</summary>
public sealed record ImageFacts(string ContentType, int Width, int Height, int Frames)
{
    public bool IsAnimated => Frames > 1;
}
