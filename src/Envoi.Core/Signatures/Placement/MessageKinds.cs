using System.Text.RegularExpressions;
using MimeKit;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures.Placement;

/// <summary>
/// Whether the author writes a new message, replies or forwards: the first subject prefix decides
/// ("Re: Fwd: x" is a reply), in the languages mail clients localize it to; then In-Reply-To or
/// References (a reply whose subject was edited); then a forwarded-message banner in the body.
/// </summary>
public static partial class MessageKinds
{
    private static readonly HashSet<string> ReplyPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "re", "aw", "sv", "antw", "r", "ref", "réf", "rif", "odp", "ynt", "atb", "res", "vá", "ats", "回复", "答复", "ответ",
    };

    private static readonly HashSet<string> ForwardPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "fwd", "fw", "tr", "wg", "rv", "i", "doorst", "vs", "vb", "vl", "enc", "wtr", "pd", "fs", "továbbítás", "転送", "转发", "пересл",
    };

    // Only the start of a long body is read: a banner sits right under the author's few lines.
    private const int BodyCharactersRead = 64 * 1024;

    public static MessageKind Detect(MimeMessage message)
    {
        if (FromSubject(message.Subject) is { } kind) return kind;
        if (!string.IsNullOrWhiteSpace(message.InReplyTo) || message.References.Count > 0) return MessageKind.Reply;
        var body = message.TextBody ?? message.HtmlBody ?? "";
        if (body.Length > BodyCharactersRead) body = body[..BodyCharactersRead];
        return ForwardBanner().IsMatch(body) ? MessageKind.Forward : MessageKind.New;
    }

    private static MessageKind? FromSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject)) return null;
        var prefix = SubjectPrefix().Match(subject);
        if (!prefix.Success) return null;
        var word = prefix.Groups["word"].Value;
        if (ReplyPrefixes.Contains(word)) return MessageKind.Reply;
        if (ForwardPrefixes.Contains(word)) return MessageKind.Forward;
        return null;
    }

    // "Re:", "RE :", "Re[2]:", "AW:", "Fwd:", "TR :", "回复：" (full-width colon).
    [GeneratedRegex(@"^\s*(\[[^\]]{1,40}\]\s*)?(?<word>[\p{L}]{1,10})\s*(\[\d+\]|\(\d+\))?\s*[:：]")]
    private static partial Regex SubjectPrefix();

    [GeneratedRegex(@"-{2,}\s*(Forwarded message|Forwarded Message|Message transféré|Message d'origine|Weitergeleitete Nachricht|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht|Mensagem encaminhada)\s*-{2,}|^\s*(Begin forwarded message|Début du message réexpédié|Anfang der weitergeleiteten Nachricht|Inicio del mensaje reenviado|Inizio messaggio inoltrato)\s?:|(Weitergeleitete Nachricht|Mensaje reenviado)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ForwardBanner();
}
