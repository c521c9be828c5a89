namespace Envoi.Web.Console;

/// <summary>
/// What the settings page shows about the running server, gathered by the host (the web layer does
/// not see the SMTP or DKIM code): where mail goes and which DKIM keys sign it.
/// </summary>
public sealed record ServerFacts(string Upstream, string SmtpListen, string? PublicBaseUrl, Func<IReadOnlyList<DkimKeyFact>> DkimKeys);

public sealed record DkimKeyFact(string Domain, string Selector, string Kind, string TxtRecord);
