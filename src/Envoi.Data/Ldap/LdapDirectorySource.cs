using System.DirectoryServices.Protocols;
using System.Net;
using Envoi.Core.Directory;
using Envoi.Core.Directory.Import;

namespace Envoi.Data.Ldap;

/// <summary>
/// Reads employees from an LDAP directory (OpenLDAP, Active Directory) as import rows, so an LDAP
/// sync follows exactly the import's rules: validated rows, a report, overrides untouched. Results
/// are paged (RFC 2696); a manager given as a DN becomes that entry's email.
/// </summary>
public static class LdapDirectorySource
{
    public static async Task<IReadOnlyList<ImportRow>> ReadAsync(LdapOptions options, IReadOnlyCollection<AttributeDefinition> attributes, CancellationToken ct)
    {
        Validate(options, attributes);
        var uri = new Uri(options.Url!);
        using var connection = new LdapConnection(new LdapDirectoryIdentifier(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (uri.Scheme == "ldaps" ? 636 : 389) : uri.Port));
        connection.SessionOptions.ProtocolVersion = 3;
        connection.SessionOptions.SecureSocketLayer = uri.Scheme == "ldaps";
        connection.AuthType = string.IsNullOrEmpty(options.BindDn) ? AuthType.Anonymous : AuthType.Basic;
        connection.Timeout = TimeSpan.FromSeconds(30);
        try
        {
            if (connection.AuthType == AuthType.Basic) connection.Bind(new NetworkCredential(options.BindDn, options.Password));
            else connection.Bind();
        }
        catch (LdapException e)
        {
            throw new ImportFileException($"Cannot bind to {uri.Host}:{uri.Port} as {options.BindDn ?? "anonymous"}: {e.Message}");
        }

        var ldapAttributes = options.Mapping.Keys.ToArray();
        var entries = new List<(string Dn, Dictionary<string, string> Cells)>();
        var paging = new PageResultRequestControl(options.PageSize);
        var request = new SearchRequest(options.BaseDn, options.Filter, SearchScope.Subtree, ldapAttributes);
        request.Controls.Add(paging);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            SearchResponse response;
            try
            {
                response = (SearchResponse)await Task.Factory.FromAsync(connection.BeginSendRequest, connection.EndSendRequest, request, PartialResultProcessing.NoPartialResultSupport, null);
            }
            catch (DirectoryOperationException e)
            {
                throw new ImportFileException($"The LDAP search under {options.BaseDn} with {options.Filter} failed: {e.Message}");
            }
            foreach (SearchResultEntry entry in response.Entries)
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (ldapName, envoiName) in options.Mapping)
                {
                    var values = entry.Attributes[ldapName]?.GetValues(typeof(string));
                    if (values is { Length: > 0 }) cells[envoiName] = (string)values[0];
                }
                entries.Add((entry.DistinguishedName, cells));
            }
            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (cookie is not { Length: > 0 }) break;
            paging.Cookie = cookie;
        }

        // A manager is a DN; the directory keeps the manager's email.
        var emailByDn = entries.Where(e => e.Cells.ContainsKey(StandardAttributes.Email))
            .ToDictionary(e => e.Dn.ToLowerInvariant(), e => e.Cells[StandardAttributes.Email]);
        return entries.Select((e, index) =>
        {
            if (e.Cells.TryGetValue(StandardAttributes.Manager, out var dn))
                e.Cells[StandardAttributes.Manager] = emailByDn.GetValueOrDefault(dn.ToLowerInvariant()) ?? dn;
            if (!e.Cells.ContainsKey(StandardAttributes.Email)) e.Cells[StandardAttributes.Email] = "";
            return new ImportRow(index + 1, e.Cells);
        }).ToList();
    }

    private static void Validate(LdapOptions options, IReadOnlyCollection<AttributeDefinition> attributes)
    {
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ldap" or "ldaps"))
            throw new ImportFileException($"Ldap:Url '{options.Url}' is not ldap://host:port or ldaps://host:port.");
        if (string.IsNullOrWhiteSpace(options.BaseDn)) throw new ImportFileException("Ldap:BaseDn is required (e.g. ou=people,dc=example,dc=com).");
        var known = attributes.Select(a => a.Name).Append(StandardAttributes.Email).ToHashSet(StringComparer.Ordinal);
        foreach (var (ldapName, envoiName) in options.Mapping)
            if (!known.Contains(envoiName)) throw new ImportFileException($"Ldap:Mapping maps '{ldapName}' to '{envoiName}', which is not an attribute.");
        if (!options.Mapping.ContainsValue(StandardAttributes.Email)) throw new ImportFileException("Ldap:Mapping must map an LDAP attribute (usually mail) to email.");
    }
}
