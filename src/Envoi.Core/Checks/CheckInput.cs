using MimeKit;

namespace Envoi.Core.Checks;

/// <summary>What the checks look at: the parsed message, its envelope, and who sends it.</summary>
public sealed record CheckInput(MimeMessage Message, string Sender, IReadOnlyList<string> Recipients, long SizeBytes, IReadOnlyList<string> SenderGroups, string? Language);
