using System.Text;
using MimeKit;

namespace Envoi.Fuzz.Targets;

/// <summary>Every leaf part of a message with its headers, stored bytes and (for text) decoded text, to compare before and after.</summary>
public sealed class MessageSnapshot
{
    private readonly string _topHeaders;
    private readonly string _topHeadersButContent;
    private readonly List<PartSnapshot> _parts;

    private MessageSnapshot(MimeMessage message)
    {
        _topHeaders = HeadersWhere(message.Headers, h => h.Id != HeaderId.MimeVersion);
        _topHeadersButContent = HeadersWhere(message.Headers, h => h.Id != HeaderId.MimeVersion && !h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase));
        _parts = message.BodyParts.Select(PartSnapshot.Of).ToList();
    }

    public static MessageSnapshot Of(MimeMessage message) => new(message);

    public bool SameAs(MessageSnapshot before, out string difference)
    {
        difference = "";
        if (_topHeaders != before._topHeaders) { difference = "the message headers changed"; return false; }
        if (_parts.Count != before._parts.Count) { difference = $"{before._parts.Count} parts became {_parts.Count}"; return false; }
        for (var i = 0; i < _parts.Count; i++)
            if (!_parts[i].SameAs(before._parts[i])) { difference = $"part {i} ({before._parts[i].MimeType}) changed"; return false; }
        return true;
    }

    /// <summary>Throws unless this is <paramref name="before"/> with the signature inserted once into one or two text bodies.</summary>
    public void CheckInsertion(MessageSnapshot before, string marker)
    {
        if (_topHeadersButContent != before._topHeadersButContent)
            throw new InvariantViolation($"message headers other than Content-* changed: {Difference(before._topHeadersButContent, _topHeadersButContent)}");
        if (_parts.Count != before._parts.Count)
            throw new InvariantViolation($"{before._parts.Count} parts became {_parts.Count}: a part was lost or added");
        var signed = 0;
        for (var i = 0; i < _parts.Count; i++)
        {
            var (now, then) = (_parts[i], before._parts[i]);
            if (now.SameAs(then)) continue;
            if (now.MimeType != then.MimeType || now.Text is null || then.Text is null)
                throw new InvariantViolation($"part {i} ({then.MimeType}) changed but is not a text body");
            if (now.OtherHeaders != then.OtherHeaders)
                throw new InvariantViolation($"part {i}: headers other than Content-Type and Content-Transfer-Encoding changed: {Difference(then.OtherHeaders, now.OtherHeaders)}");
            var inserted = Insertion(then.Text, now.Text)
                ?? throw new InvariantViolation($"part {i} ({then.MimeType}): the old text is not kept around one insertion: {Difference(then.Text, now.Text)}");
            if (!inserted.Contains(marker, StringComparison.Ordinal))
                throw new InvariantViolation($"part {i} ({then.MimeType}): the insertion does not hold the signature: \"{Shorten(inserted)}\"");
            if (now.Encoding == then.Encoding && now.Charset == then.Charset && then.IsIdentityEncoded
                && Insertion(then.Bytes, now.Bytes) is null)
                throw new InvariantViolation($"part {i} ({then.MimeType}, {then.Encoding}): stored bytes changed outside the insertion: {Difference(Encoding.Latin1.GetString(then.Bytes), Encoding.Latin1.GetString(now.Bytes))}");
            signed++;
        }
        if (signed == 0) throw new InvariantViolation("the injector said it inserted the signature, but no part changed");
    }

    /// <summary>What <paramref name="after"/> adds to <paramref name="before"/> at one place, or null when it changes more.</summary>
    private static string? Insertion(string before, string after)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        return prefix + suffix == before.Length ? after[prefix..^suffix] : null;
    }

    private static byte[]? Insertion(byte[] before, byte[] after)
    {
        var prefix = before.AsSpan().CommonPrefixLength(after);
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)]) suffix++;
        return prefix + suffix == before.Length ? after[prefix..^suffix] : null;
    }

    internal static string HeadersWhere(HeaderList headers, Func<Header, bool> keep) =>
        string.Join("\n", headers.Where(keep).Select(h => $"{h.Field}:{Encoding.Latin1.GetString(h.RawValue)}"));

    /// <summary>Where two texts start to differ, with a little of each, for the violation's message.</summary>
    private static string Difference(string before, string after)
    {
        var at = before.AsSpan().CommonPrefixLength(after);
        string Around(string s) => System.Text.Json.JsonSerializer.Serialize(s.Substring(Math.Max(0, at - 20), Math.Min(s.Length - Math.Max(0, at - 20), 60)));
        return $"at {at} of {before.Length}: before {Around(before)}, after {Around(after)}";
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}

/// <summary>One leaf part as stored (encoded bytes) and, for text, as read.</summary>
public sealed record PartSnapshot(string MimeType, string AllHeaders, string OtherHeaders, byte[] Bytes, string? Text, ContentEncoding Encoding, string? Charset)
{
    public bool IsIdentityEncoded => Encoding is ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit or ContentEncoding.Binary;

    public bool SameAs(PartSnapshot other) => AllHeaders == other.AllHeaders && Bytes.AsSpan().SequenceEqual(other.Bytes);

    public static PartSnapshot Of(MimeEntity entity)
    {
        var all = MessageSnapshot.HeadersWhere(entity.Headers, _ => true);
        var other = MessageSnapshot.HeadersWhere(entity.Headers, h => h.Id is not (HeaderId.ContentType or HeaderId.ContentTransferEncoding or HeaderId.MimeVersion));
        using var bytes = new MemoryStream();
        switch (entity)
        {
            case MimePart { Content: not null } part:
                part.Content.Stream!.Position = 0;
                part.Content.Stream!.CopyTo(bytes);
                break;
            case MessagePart { Message: not null } message:
                message.Message.WriteTo(bytes);
                break;
        }
        var text = entity is TextPart { IsPlain: true } or TextPart { IsHtml: true } ? ((TextPart)entity).Text : null;
        var encoding = entity is MimePart p ? p.ContentTransferEncoding : ContentEncoding.Default;
        return new PartSnapshot(entity.ContentType.MimeType, all, other, bytes.ToArray(), text, encoding, entity.ContentType.Charset);
    }
}
