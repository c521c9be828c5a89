namespace Envoi.Core.Directory;

/// <summary>
/// The attributes every directory has, with the rights most organizations start from: contact
/// details and social profiles are the employee's to keep current, identity and organization
/// data come from HR and are read-only.
/// </summary>
public static class StandardAttributes
{
    public const string Email = "email";
    /// <summary>Not an attribute but a column of import files: the employee's other addresses.</summary>
    public const string Aliases = "aliases";
    public const string DisplayName = "displayName";
    public const string Department = "department";
    public const string Subsidiary = "subsidiary";
    public const string PreferredLanguage = "preferredLanguage";
    public const string Manager = "manager";

    public static readonly IReadOnlyList<AttributeDefinition> All =
    [
        new(DisplayName, "Display name", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 10),
        new("firstName", "First name", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 20),
        new("lastName", "Last name", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 30),
        new("jobTitle", "Job title", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 40),
        new(Department, "Department", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 50),
        new(Subsidiary, "Subsidiary", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 60),
        new("company", "Company", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 70),
        new("officeAddress", "Office address", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 80),
        new("phone", "Phone", AttributeType.Phone, AttributeRight.Editable, true, Order: 90),
        new("mobile", "Mobile", AttributeType.Phone, AttributeRight.Editable, true, Order: 100),
        new("photoUrl", "Photo", AttributeType.Image, AttributeRight.Editable, true, Order: 110),
        new("linkedin", "LinkedIn profile", AttributeType.Url, AttributeRight.Editable, true, Order: 120),
        new("x", "X (Twitter) profile", AttributeType.Url, AttributeRight.Editable, true, Order: 130),
        new("facebook", "Facebook profile", AttributeType.Url, AttributeRight.Editable, true, Order: 140),
        new("instagram", "Instagram profile", AttributeType.Url, AttributeRight.Editable, true, Order: 150),
        new("youtube", "YouTube channel", AttributeType.Url, AttributeRight.Editable, true, Order: 160),
        new("bookingUrl", "Booking link", AttributeType.Url, AttributeRight.Editable, true, Order: 170),
        new("reviewUrl", "Review link", AttributeType.Url, AttributeRight.ReadOnly, true, Order: 180),
        new(PreferredLanguage, "Preferred language", AttributeType.Text, AttributeRight.Editable, true, "[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,8})*", Order: 190),
        // The manager's email when known (SCIM and LDAP name the manager by id or DN first).
        new(Manager, "Manager", AttributeType.Text, AttributeRight.ReadOnly, true, Order: 200),
    ];
}
