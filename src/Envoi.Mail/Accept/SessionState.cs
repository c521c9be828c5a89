using System.Net;
using Envoi.Core.Users;
using SmtpServer;
using SmtpServer.Net;

namespace Envoi.Mail.Accept;

/// <summary>What Envoi remembers about one SMTP session, kept in the engine's per-session property bag.</summary>
internal static class SessionState
{
    private const string UserKey = "envoi.user";
    private const string RecipientCountKey = "envoi.rcpt-count";

    public static IPAddress RemoteAddress(this ISessionContext context) =>
        context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var value) && value is IPEndPoint endpoint
            ? (endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address)
            : IPAddress.None;

    public static bool IsLoopback(this ISessionContext context) => IPAddress.IsLoopback(context.RemoteAddress());

    /// <summary>AUTH is accepted on TLS, or in clear text from loopback when allowed, or everywhere when TLS is not required.</summary>
    public static bool AuthAllowed(this ISessionContext context, SmtpOptions options) =>
        context.Pipe.IsSecure || !options.RequireTlsForAuth || (options.AllowClearTextAuthFromLoopback && context.IsLoopback());

    public static EnvoiUser? User(this ISessionContext context) =>
        context.Authentication.IsAuthenticated && context.Properties.TryGetValue(UserKey, out var user) ? user as EnvoiUser : null;

    public static void SetUser(this ISessionContext context, EnvoiUser user) => context.Properties[UserKey] = user;

    public static int RecipientCount(this ISessionContext context) =>
        context.Properties.TryGetValue(RecipientCountKey, out var n) && n is int count ? count : 0;

    public static void SetRecipientCount(this ISessionContext context, int count) => context.Properties[RecipientCountKey] = count;
}
