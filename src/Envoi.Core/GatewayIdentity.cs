namespace Envoi.Core;

/// <summary>How Envoi names itself in headers, bounces and returned messages.</summary>
/// <param name="HostName">The name in the SMTP greeting and Received headers.</param>
/// <param name="PostmasterAddress">The From address of the messages Envoi writes itself.</param>
public sealed record GatewayIdentity(string HostName, string PostmasterAddress);
