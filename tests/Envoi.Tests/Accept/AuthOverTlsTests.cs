using Envoi.Tests.Support;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Envoi.Tests.Accept;

/// <summary>AUTH on the plain port is offered only after STARTTLS, unless the admin allows clear text (loopback is exempted by its own setting, off here).</summary>
public sealed class AuthOverTlsTests
{
    [Fact]
    public async Task Auth_is_offered_and_accepted_after_starttls_when_clear_text_is_refused()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => s.Smtp.AllowClearTextAuthFromLoopback = false);
        await envoi.AddUserAsync("alice@example.com", "alice-password");

        using var plain = new SmtpClient();
        await plain.ConnectAsync("127.0.0.1", envoi.SmtpPort, SecureSocketOptions.None);
        Assert.Empty(plain.AuthenticationMechanisms);
        await plain.DisconnectAsync(true);

        using var tls = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true };
        await tls.ConnectAsync("127.0.0.1", envoi.SmtpPort, SecureSocketOptions.StartTls);
        Assert.Contains("PLAIN", tls.AuthenticationMechanisms);
        await tls.AuthenticateAsync("alice@example.com", "alice-password");
        Assert.True(tls.IsAuthenticated);
    }

    [Fact]
    public async Task Admin_may_allow_clear_text_auth_everywhere()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s => { s.Smtp.AllowClearTextAuthFromLoopback = false; s.Smtp.RequireTlsForAuth = false; });
        await envoi.AddUserAsync("alice@example.com", "alice-password");
        using var plain = new SmtpClient();
        await plain.ConnectAsync("127.0.0.1", envoi.SmtpPort, SecureSocketOptions.None);
        Assert.Contains("PLAIN", plain.AuthenticationMechanisms);
        await plain.AuthenticateAsync("alice@example.com", "alice-password");
        Assert.True(plain.IsAuthenticated);
    }
}
