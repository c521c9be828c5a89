using System.Security.Cryptography;

namespace Envoi.Core.Queue;

/// <summary>
/// Queue ids are 16 Crockford base32 characters: 48 bits of milliseconds then 32 random bits.
/// They sort by arrival, are safe in file names and SMTP replies, and never collide in practice.
/// </summary>
public static class QueueId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTimeOffset now)
    {
        ulong millis = (ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFFUL;
        Span<byte> random = stackalloc byte[4];
        RandomNumberGenerator.Fill(random);
        UInt128 value = ((UInt128)millis << 32) | BitConverter.ToUInt32(random);
        Span<char> chars = stackalloc char[16];
        for (int i = 15; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }

    /// <summary>The arrival time an id encodes (millisecond precision), or null for a malformed id.</summary>
    public static DateTimeOffset? TimeOf(string id)
    {
        if (!IsWellFormed(id)) return null;
        UInt128 value = 0;
        foreach (var c in id) value = (value << 5) | (uint)Alphabet.IndexOf(c);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(ulong)(value >> 32));
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 16 } && id.All(c => Alphabet.Contains(c));
}
