using System.Buffers;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Envoi.Mail.Accept;

/// <summary>
/// The SMTP engine's end-of-DATA hook. Whatever this returns is the reply the client gets, so the
/// durable write happens inside it (see <see cref="MessageAcceptor"/>) and 250 means "on disk".
/// </summary>
internal sealed class EnvoiMessageStore(MessageAcceptor acceptor) : IMessageStore
{
    /// <summary>Set when the transport put CRLF before the DATA bytes (see ContiguousReader.PrependCrlf).</summary>
    public const string LeadingCrlfKey = "envoi.leading-crlf";

    public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        var sender = transaction.From is { } from && !string.IsNullOrEmpty(from.User) ? $"{from.User}@{from.Host}" : "";
        var recipients = transaction.To.Select(t => $"{t.User}@{t.Host}").ToList();
        var request = new AcceptRequest(sender, recipients, context.User(), context.RemoteAddress(), context.Pipe.IsSecure);
        if (context.Properties.Remove(LeadingCrlfKey) && buffer.Length >= 2) buffer = buffer.Slice(2);
        var result = await acceptor.AcceptAsync(request, buffer, cancellationToken);
        context.SetRecipientCount(0);
        return SmtpReplies.Reply(result.Code, result.Text);
    }
}
