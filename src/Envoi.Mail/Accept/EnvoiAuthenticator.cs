using Envoi.Core.Users;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.Authentication;

namespace Envoi.Mail.Accept;

/// <summary>
/// AUTH PLAIN / LOGIN against Envoi users. Without TLS, AUTH is refused except from loopback, so a
/// password never crosses a network in clear text.
/// </summary>
internal sealed class EnvoiAuthenticator(UserAccounts accounts, SmtpOptions options, AuthThrottle throttle, ILogger<EnvoiAuthenticator> logger) : IUserAuthenticator
{
    public async Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        if (!context.AuthAllowed(options))
        {
            logger.LogWarning("AUTH refused for {User} from {Client}: connection not encrypted", user, context.RemoteAddress());
            throw SmtpReplies.Refuse(538, "5.7.11 Encryption required: use STARTTLS before AUTH");
        }
        if (throttle.IsBlocked(context.RemoteAddress()))
        {
            logger.LogWarning("AUTH refused for {User} from {Client}: too many failed logins", user, context.RemoteAddress());
            throw SmtpReplies.Refuse(454, $"4.7.0 Too many failed logins from your address; try again in {options.FailedLoginWindow.TotalMinutes:0} minutes");
        }
        var account = await accounts.AuthenticateAsync(user, password, cancellationToken);
        if (account is null)
        {
            throttle.RecordFailure(context.RemoteAddress());
            logger.LogWarning("AUTH failed for {User} from {Client}", user, context.RemoteAddress());
            return false;
        }
        context.SetUser(account);
        return true;
    }
}
