namespace Envoi.Mail.Dkim;

/// <summary>The <c>Dkim</c> configuration section. Keys themselves live in <c>DATA/dkim</c> (see <see cref="DkimKeyStore"/>).</summary>
public sealed class DkimOptions
{
    /// <summary>False: relay unsigned even where keys exist (e.g. while another hop signs during a migration).</summary>
    public bool Enabled { get; set; } = true;
}
