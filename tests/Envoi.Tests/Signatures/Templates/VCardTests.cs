using Envoi.Core.Signatures.Templates;

namespace Envoi.Tests.Signatures.Templates;

public sealed class VCardTests
{
    [Fact]
    public void A_vcard_holds_the_employee_with_phones_in_E164()
    {
        var card = VCard.Write(Senders.Ana(("mobile", "06 12 34 56 78"), ("officeAddress", "1 rue de la Paix, 75002 Paris"), ("linkedin", "linkedin.com/in/ana")));
        Assert.Equal(
            "BEGIN:VCARD\r\n" +
            "VERSION:3.0\r\n" +
            "N:Martin;Ana;;;\r\n" +
            "FN:Ana Martin\r\n" +
            "ORG:Example SA;Sales\r\n" +
            "TITLE:Head of Sales\r\n" +
            "TEL;TYPE=WORK,VOICE:+33123456789\r\n" +
            "TEL;TYPE=CELL,VOICE:+33612345678\r\n" +
            "EMAIL;TYPE=INTERNET,WORK:ana.martin@example.com\r\n" +
            "ADR;TYPE=WORK:;;1 rue de la Paix\\, 75002 Paris;;;;\r\n" +
            "LABEL;TYPE=WORK:1 rue de la Paix\\, 75002 Paris\r\n" +
            "X-SOCIALPROFILE;TYPE=linkedin:https://linkedin.com/in/ana\r\n" +
            "URL:https://linkedin.com/in/ana\r\n" +
            "END:VCARD\r\n",
            card);
    }

    [Fact]
    public void Text_values_are_escaped()
    {
        var card = VCard.Write(Senders.Ana(("jobTitle", "R&D; tools, \\ more\nand more"), ("lastName", "Martin;Dupont")));
        Assert.Contains("TITLE:R&D\\; tools\\, \\\\ more\\nand more\r\n", card);
        Assert.Contains("N:Martin\\;Dupont;Ana;;;\r\n", card);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var title = string.Concat(Enumerable.Repeat("Directrice générale adjointe ", 8));
        var card = VCard.Write(Senders.Ana(("jobTitle", title)));
        var lines = card.Split("\r\n");
        Assert.All(lines, line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        var unfolded = card.Replace("\r\n ", "");
        Assert.Contains($"TITLE:{title.TrimEnd()}\r\n", unfolded);
    }

    [Fact]
    public void An_invalid_phone_is_kept_as_typed_and_missing_values_are_left_out()
    {
        var model = new SignatureModel("bob@example.com", new Dictionary<string, string> { ["phone"] = "ask reception" }, [], Senders.BaseUrl, "FR");
        var card = VCard.Write(model);
        Assert.Contains("TEL;TYPE=WORK,VOICE:ask reception\r\n", card);
        Assert.Contains("FN:bob@example.com\r\n", card);
        Assert.DoesNotContain("ORG:", card);
        Assert.DoesNotContain("TITLE:", card);
        Assert.Equal("bob.vcf", VCard.FileName(model));
    }
}
