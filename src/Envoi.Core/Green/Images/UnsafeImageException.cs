namespace Envoi.Core.Green.Images;

/// <summary>An image Envoi refuses to decode or keep: a decompression bomb, absurd dimensions, a corrupt or truncated file. The message is for the admin.</summary>
public sealed class UnsafeImageException(string message) : Exception(message);
