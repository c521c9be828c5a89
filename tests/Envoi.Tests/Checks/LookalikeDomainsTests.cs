using Envoi.Core.Checks;
using Xunit.Abstractions;

namespace Envoi.Tests.Checks;

/// <summary>Look-alike domains against the domains an organization writes to, on a labelled set.</summary>
public sealed class LookalikeDomainsTests(ITestOutputHelper output)
{
    private static readonly string[] Known = ["gmail.com", "example.com", "microsoft.com", "contoso.co.uk", "orange.fr", "acme-industries.de", "bank.com", "paypal.com", "outlook.com", "ovh.net"];

    // Imitations people type or attackers register, and the domain they imitate.
    private static readonly (string Domain, string Imitated)[] Lookalikes =
    [
        ("gmial.com", "gmail.com"), ("gmaill.com", "gmail.com"), ("gmal.com", "gmail.com"), ("gmail.co", "gmail.com"), ("gmail.con", "gmail.com"),
        ("examp1e.com", "example.com"), ("exarnple.com", "example.com"), ("exmaple.com", "example.com"), ("example.co", "example.com"), ("examplle.com", "example.com"),
        ("rnicrosoft.com", "microsoft.com"), ("micros0ft.com", "microsoft.com"), ("microsfot.com", "microsoft.com"), ("mircosoft.com", "microsoft.com"),
        ("contos0.co.uk", "contoso.co.uk"), ("contosso.co.uk", "contoso.co.uk"), ("orage.fr", "orange.fr"), ("0range.fr", "orange.fr"),
        ("acme-industries.de".Replace("i", "1"), "acme-industries.de"), ("acme-industrys.de", "acme-industries.de"), ("paypa1.com", "paypal.com"),
        ("pаypal.com", "paypal.com"), ("outl00k.com", "outlook.com"), ("outlok.com", "outlook.com"), ("bamk.com", "bank.com"),
    ];

    // Genuine, unrelated domains that must not be flagged.
    private static readonly string[] Genuine =
    [
        "gmail.com", "example.com", "example.org", "yahoo.com", "hotmail.com", "mail.com", "email.com", "exampletravel.com", "microsoftstore.com",
        "orange.com", "range.fr", "ovh.com", "apple.com", "amazon.com", "contoso.com", "fabrikam.com", "acme.de", "industries.de", "paypal.me",
        "bank.fr", "tank.com", "gmx.com", "outlook.fr", "live.com", "proton.me", "laposte.net", "free.fr", "sfr.fr", "web.de", "t-online.de",
    ];

    [Fact]
    public void Lookalikes_are_caught_and_genuine_domains_pass()
    {
        var caught = Lookalikes.Count(l => LookalikeDomains.Imitated(l.Domain, Known) == l.Imitated);
        foreach (var l in Lookalikes.Where(l => LookalikeDomains.Imitated(l.Domain, Known) != l.Imitated)) output.WriteLine($"missed {l.Domain}");
        var falseAlarms = Genuine.Where(g => LookalikeDomains.Imitated(g, Known) is not null).ToList();
        foreach (var g in falseAlarms) output.WriteLine($"false alarm {g} → {LookalikeDomains.Imitated(g, Known)}");
        var precision = caught / (double)(caught + falseAlarms.Count);
        var recall = caught / (double)Lookalikes.Length;
        output.WriteLine($"{Lookalikes.Length} look-alikes, {Genuine.Length} genuine: precision {precision:0.000}, recall {recall:0.000}");
        Assert.True(precision >= 0.95, $"precision {precision:0.000}");
        Assert.True(recall >= 0.9, $"recall {recall:0.000}");
    }

    [Theory]
    [InlineData("gmail.com", "gmail.com", 0)]
    [InlineData("gmial", "gmail", 1)] // adjacent swap counts once
    [InlineData("kitten", "sitting", 3)]
    public void Distance_is_optimal_string_alignment(string a, string b, int expected) => Assert.Equal(expected, LookalikeDomains.Distance(a, b));
}
