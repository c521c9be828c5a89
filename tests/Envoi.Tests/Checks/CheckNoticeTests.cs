using Envoi.Core;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;

namespace Envoi.Tests.Checks;

public sealed class CheckNoticeTests
{
    [Theory]
    [InlineData("de", "Wartet auf Ihre Bestätigung: Angebot", "Um sie abzubrechen:")]
    [InlineData("es-ES", "Pendiente de su confirmación: Angebot", "Para cancelarlo:")]
    [InlineData("fr", "Message en attente de votre confirmation : Angebot", "Pour l'annuler :")]
    [InlineData(null, "Held for your confirmation: Angebot", "To cancel it:")]
    public void Held_notice_speaks_the_senders_language_and_carries_both_links(string? language, string subject, string cancelLine)
    {
        var data = Support.TempDirectory.Create("notice");
        try
        {
            var links = new ConfirmationLinks(new LinkSigningKey(data, "https://envoi.example.com"));
            var verdict = new CheckVerdict([new CheckFinding(ForgottenAttachmentCheck.Id, CheckAction.Hold, CheckSentences.For(new ForgottenAttachmentCheck(), language, "anbei"))]);
            var notice = CheckNotice.Build(new GatewayIdentity("envoi.test", "postmaster@envoi.test"), "alice@example.com", "06H1ABCDEFGHJKMN", "Angebot", verdict, links, language, TimeSpan.FromHours(24), false);
            Assert.Equal(subject, notice.Subject);
            var text = notice.TextBody!;
            Assert.Contains(cancelLine, text);
            Assert.Contains(links.Url("06H1ABCDEFGHJKMN", ConfirmationAction.Confirm), text);
            Assert.Contains(links.Url("06H1ABCDEFGHJKMN", ConfirmationAction.Cancel), text);
            Assert.Equal(("06H1ABCDEFGHJKMN", ConfirmationAction.Cancel), links.Read(links.Token("06H1ABCDEFGHJKMN", ConfirmationAction.Cancel)));
        }
        finally
        {
            Support.TempDirectory.Delete(data);
        }
    }
}
