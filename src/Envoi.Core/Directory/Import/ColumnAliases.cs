namespace Envoi.Core.Directory.Import;

/// <summary>
/// The column headers of the directory exports people actually have, and the attribute each one
/// fills: Microsoft Entra ID "Download users" (current camelCase headers and the older
/// "User principal name" style), Google Workspace "Download users" and Okta's user export and
/// CSV template. Headers are compared after <see cref="ColumnMapping.Normalize"/> (case, spaces,
/// <c>_</c>, <c>-</c>, a <c>profile.</c> prefix and Google's <c>[Required]</c>-style suffixes
/// do not matter). When several columns fill one attribute, the first in this table that has a
/// value wins, after a column named exactly like the attribute (Entra's <c>mail</c> before <c>userPrincipalName</c>, which is also set for
/// accounts without a mailbox). A null attribute marks a column known to carry nothing a
/// signature needs (ids, passwords, sign-in dates): the import leaves it aside without asking for
/// <c>--ignore-unknown</c>, and the dry run lists it as not used.
/// </summary>
public static class ColumnAliases
{
    public sealed record Alias(string Header, string? Attribute, string Origin);

    private const string Entra = "Entra ID";
    private const string Google = "Google Workspace";
    private const string Okta = "Okta";

    public static readonly IReadOnlyList<Alias> All =
    [
        // Addresses: the mailbox first, then the sign-in name, which usually is the same address.
        new("mail", StandardAttributes.Email, Entra),
        new("e-mail", StandardAttributes.Email, "common"),
        new("Email Address [Required]", StandardAttributes.Email, Google),
        new("Primary email", StandardAttributes.Email, Okta),
        new("userPrincipalName", StandardAttributes.Email, Entra),
        new("User principal name", StandardAttributes.Email, Entra),
        new("login", StandardAttributes.Email, Okta),
        new("Username", StandardAttributes.Email, Okta),

        new("givenName", "firstName", Entra),
        new("Given name", "firstName", Entra),
        new("First Name [Required]", "firstName", Google),
        new("surname", "lastName", Entra),
        new("Last Name [Required]", "lastName", Google),
        new("Employee Title", "jobTitle", Google),
        new("title", "jobTitle", Okta),
        new("division", StandardAttributes.Subsidiary, Okta),
        new("companyName", "company", Entra),
        new("Company name", "company", Entra),
        new("organization", "company", Okta),
        new("officeLocation", "officeAddress", Entra),
        new("Office", "officeAddress", Entra),
        new("Work Address", "officeAddress", Google),
        new("telephoneNumber", "phone", Entra),
        new("businessPhones", "phone", Entra),
        new("Office phone", "phone", Entra),
        new("Work Phone", "phone", Google),
        new("primaryPhone", "phone", Okta),
        new("mobilePhone", "mobile", "Entra ID, Google Workspace, Okta"),
        new("Manager Email", StandardAttributes.Manager, Google),
        new("locale", StandardAttributes.PreferredLanguage, Okta),

        // Known columns a signature has no use for.
        new("id", null, "Entra ID, Okta"),
        new("Object ID", null, Entra),
        new("userType", null, "Entra ID, Okta"),
        new("accountEnabled", null, Entra),
        new("Account enabled", null, Entra),
        new("usageLocation", null, Entra),
        new("streetAddress", null, "Entra ID, Okta"),
        new("city", null, "Entra ID, Okta"),
        new("state", null, "Entra ID, Okta"),
        new("State or province", null, Entra),
        new("country", null, Entra),
        new("Country or region", null, Entra),
        new("postalCode", null, Entra),
        new("ZIP or postal code", null, Entra),
        new("alternateEmailAddress", null, Entra),
        new("ageGroup", null, Entra),
        new("consentProvidedForMinor", null, Entra),
        new("legalAgeGroupClassification", null, Entra),
        new("creationType", null, Entra),
        new("directorySynced", null, Entra),
        new("invitationState", null, Entra),
        new("identityIssuer", null, Entra),
        new("createdDateTime", null, Entra),
        new("employeeId", null, "Entra ID, Google Workspace"),
        new("Password [Required]", null, Google),
        new("Password Hash Function [UPLOAD ONLY]", null, Google),
        new("Org Unit Path [Required]", null, Google),
        new("New Primary Email [UPLOAD ONLY]", null, Google),
        new("Status [READ ONLY]", null, "Google Workspace, Okta"),
        new("Last Sign In [READ ONLY]", null, Google),
        new("Recovery Email", null, Google),
        new("Home Secondary Email", null, Google),
        new("Work Secondary Email", null, Google),
        new("Recovery Phone [MUST BE IN THE E.164 FORMAT]", null, Google),
        new("Home Phone", null, Google),
        new("Home Address", null, Google),
        new("Employee Type", null, Google),
        new("Cost Center", null, "Google Workspace, Okta"),
        new("2sv Enrolled [READ ONLY]", null, Google),
        new("2sv Enforced [READ ONLY]", null, Google),
        new("Building ID", null, Google),
        new("Floor Name", null, Google),
        new("Floor Section", null, Google),
        new("Email Usage [READ ONLY]", null, Google),
        new("Drive Usage [READ ONLY]", null, Google),
        new("Total Storage [READ ONLY]", null, Google),
        new("Change Password at Next Sign-In", null, Google),
        new("New Status [UPLOAD ONLY]", null, Google),
        new("Advanced Protection Program enrollment", null, Google),
        new("middleName", null, Okta),
        new("honorificPrefix", null, Okta),
        new("honorificSuffix", null, Okta),
        new("nickName", null, Okta),
        new("profileUrl", null, Okta),
        new("secondEmail", null, Okta),
        new("Secondary email", null, Okta),
        new("zipCode", null, Okta),
        new("countryCode", null, Okta),
        new("postalAddress", null, Okta),
        new("timezone", null, Okta),
        new("employeeNumber", null, Okta),
        // An Okta id, not the manager's address (a "manager" column is read as the attribute of that name).
        new("managerId", null, Okta),
        new("created", null, Okta),
        new("activated", null, Okta),
        new("statusChanged", null, Okta),
        new("lastLogin", null, Okta),
        new("lastUpdated", null, Okta),
        new("passwordChanged", null, Okta),
    ];
}
