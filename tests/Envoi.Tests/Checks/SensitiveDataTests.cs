using Envoi.Core.Checks;

namespace Envoi.Tests.Checks;

public sealed class SensitiveDataTests
{
    [Theory]
    [InlineData("Please pay to FR76 3000 6000 0112 3456 7890 189 before Friday.", "iban", "•••••••••••••••••••••••0189")]
    [InlineData("IBAN: DE89370400440532013000", "iban", "••••••••••••••••••3000")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "iban", "••••••••••••••••••5432")]
    [InlineData("My card is 4111 1111 1111 1111, exp 12/28", "card", "••••••••••••1111")]
    [InlineData("card 5500-0000-0000-0004", "card", "••••••••••••0004")]
    public void Checksummed_numbers_are_found_and_masked(string text, string kind, string masked)
    {
        var match = Assert.Single(SensitiveData.Find(text), m => m.Kind == kind);
        Assert.Equal(masked, match.Masked);
    }

    [Theory]
    [InlineData("Order 1234 5678 9012 3456 is on its way.")]          // fails Luhn
    [InlineData("Call me on +33 6 12 34 56 78 or 01 23 45 67 89.")]
    [InlineData("FR76 3000 6000 0112 3456 7890 188")]                   // wrong IBAN check digits
    [InlineData("Reference 0000 0000 0000 0000")]
    [InlineData("Tracking number 1Z999AA10123456784")]
    public void Lookalike_numbers_are_not_reported(string text) => Assert.Empty(SensitiveData.Find(text));
}
