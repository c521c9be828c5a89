using System.Net;

namespace Envoi.Mail.Accept.Transport;

/// <summary>Decides, before the SMTP engine sees a connection, whether it may have a session at all.</summary>
internal interface IConnectionAdmission
{
    /// <returns>Null when admitted (then <see cref="Release"/> follows when it closes); else the reply to send before hanging up.</returns>
    string? TryAdmit(IPAddress client);

    void Release(IPAddress client);
}
