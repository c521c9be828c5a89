namespace Envoi.Core.Green.Images;

/// <summary>How large (CSS pixels) templates show an image; null sides are unknown.</summary>
public sealed record DisplaySize(int? Width, int? Height)
{
    public static readonly DisplaySize Unknown = new(null, null);
}
