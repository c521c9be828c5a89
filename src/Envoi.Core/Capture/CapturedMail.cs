using System.Text.Json;
using MimeKit;

namespace Envoi.Core.Capture;

/// <summary>The capture folder: writing and listing captured messages.</summary>
public sealed class CapturedMail(string dataDirectory)
{
    public string Directory { get; } = System.IO.Directory.CreateDirectory(Path.Combine(dataDirectory, "captured")).FullName;

    public async Task<string> SaveAsync(string queueId, MimeMessage message, string sender, IReadOnlyList<string> recipients, CancellationToken ct)
    {
        // One message may be delivered in several transactions (retries, per-signature copies).
        var name = queueId;
        for (var n = 2; File.Exists(Path.Combine(Directory, name + ".eml")); n++) name = $"{queueId}-{n}";
        var envelope = new CapturedEnvelope(name, queueId, sender, recipients, DateTimeOffset.UtcNow, message.Subject);
        await using (var file = File.Create(Path.Combine(Directory, name + ".eml")))
            await message.WriteToAsync(WireFormat.Options, file, ct);
        await File.WriteAllTextAsync(Path.Combine(Directory, name + ".json"), JsonSerializer.Serialize(envelope, Json), ct);
        return name;
    }

    public IReadOnlyList<CapturedEnvelope> List() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Select(f => JsonSerializer.Deserialize<CapturedEnvelope>(File.ReadAllText(f), Json))
            .OfType<CapturedEnvelope>()
            .OrderBy(e => e.CapturedAt)
            .ToList();

    /// <summary>The raw message, or null when <paramref name="name"/> names no captured message.</summary>
    public string? PathOf(string name)
    {
        if (name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')) return null;
        var path = Path.Combine(Directory, name + ".eml");
        return File.Exists(path) ? path : null;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed record CapturedEnvelope(string Name, string QueueId, string Sender, IReadOnlyList<string> Recipients, DateTimeOffset CapturedAt, string? Subject);
