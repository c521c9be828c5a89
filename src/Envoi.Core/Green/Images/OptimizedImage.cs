namespace Envoi.Core.Green.Images;

/// <summary>
/// The outcome of optimizing one image. <see cref="Content"/> is what should be served: the
/// optimized bytes, or the original when optimizing did not help (<see cref="Changed"/> false).
/// </summary>
/// <param name="Note">Why it was left alone, or what was done, in a few words for the report.</param>
public sealed record OptimizedImage(byte[] Content, string ContentType, int OriginalBytes, int OriginalWidth, int OriginalHeight, int Width, int Height, bool Changed, string Note)
{
    public int Bytes => Content.Length;
    public int SavedBytes => OriginalBytes - Content.Length;
}
