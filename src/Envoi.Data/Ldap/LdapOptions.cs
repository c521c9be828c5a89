namespace Envoi.Data.Ldap;

/// <summary>Where the LDAP directory is and how its attributes map onto Envoi's (configuration section <c>Ldap</c>).</summary>
public sealed class LdapOptions
{
    /// <summary>ldap://host:port or ldaps://host:port.</summary>
    public string? Url { get; set; }
    public string? BindDn { get; set; }
    public string? Password { get; set; }
    public string? BaseDn { get; set; }
    public string Filter { get; set; } = "(&(objectClass=inetOrgPerson)(mail=*))";
    public int PageSize { get; set; } = 500;

    /// <summary>LDAP attribute → Envoi attribute. The default suits inetOrgPerson (OpenLDAP) and most Active Directory schemas.</summary>
    public Dictionary<string, string> Mapping { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mail"] = "email",
        ["displayName"] = "displayName",
        ["givenName"] = "firstName",
        ["sn"] = "lastName",
        ["title"] = "jobTitle",
        ["departmentNumber"] = "department",
        ["o"] = "company",
        ["telephoneNumber"] = "phone",
        ["mobile"] = "mobile",
        ["postalAddress"] = "officeAddress",
        ["preferredLanguage"] = "preferredLanguage",
        ["manager"] = "manager",
    };
}
