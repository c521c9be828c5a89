using SmtpServer.Protocol;

namespace Envoi.Mail.Accept;

/// <summary>Every refusal Envoi sends, with its enhanced status code (RFC 3463) and a sentence people understand.</summary>
internal static class SmtpReplies
{
    public static SmtpResponse Reply(int code, string text) => new((SmtpReplyCode)code, text);

    public static SmtpResponseException Refuse(int code, string text) => new(Reply(code, text));

    public static readonly SmtpResponse AuthenticationRequired =
        Reply(530, "5.7.0 Authentication required: log in (AUTH) before sending; Envoi is not an open relay");

    public static SmtpResponse Queued(string id) => Reply(250, $"2.0.0 Ok: queued as {id}");
}
