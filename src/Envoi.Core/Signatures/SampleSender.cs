using Envoi.Core.Directory;
using Envoi.Core.Signatures.Model;

namespace Envoi.Core.Signatures;

/// <summary>
/// A made-up employee with every attribute filled, for validating and weighing templates before
/// anyone sends with them (an empty attribute would hide mistakes in the markup around it).
/// </summary>
public static class SampleSender
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["displayName"] = "Camille Sample", ["firstName"] = "Camille", ["lastName"] = "Sample", ["jobTitle"] = "Account Manager",
        [StandardAttributes.Department] = "Sales", [StandardAttributes.Subsidiary] = "Example France", ["company"] = "Example Corp",
        ["officeAddress"] = "1 rue de la Paix, 75002 Paris", ["phone"] = "+33 1 23 45 67 89", ["mobile"] = "+33 6 12 34 56 78",
        ["photoUrl"] = "https://example.com/photo.jpg", ["linkedin"] = "https://www.linkedin.com/in/sample", ["x"] = "https://x.com/sample",
        ["facebook"] = "https://www.facebook.com/sample", ["instagram"] = "https://www.instagram.com/sample", ["youtube"] = "https://www.youtube.com/@sample",
        ["bookingUrl"] = "https://example.com/book/sample", ["reviewUrl"] = "https://example.com/review", [StandardAttributes.PreferredLanguage] = "en",
        [StandardAttributes.Manager] = "boss@example.com",
    };

    public static SignatureSender For(IEnumerable<AttributeDefinition> attributes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [StandardAttributes.Email] = "camille.sample@example.com" };
        foreach (var attribute in attributes)
            values[attribute.Name] = Known.GetValueOrDefault(attribute.Name) ?? attribute.Type switch
            {
                AttributeType.Url or AttributeType.Image => $"https://example.com/{attribute.Name}",
                AttributeType.Phone => "+33 1 98 76 54 32",
                AttributeType.Email => "someone@example.com",
                _ => $"Sample {attribute.Label}",
            };
        var employee = new Employee(0, "camille.sample@example.com", true, values, [], ["Everyone"], "sample", DateTimeOffset.UnixEpoch);
        return new SignatureSender(employee, values);
    }
}
