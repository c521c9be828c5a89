using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using MimeKit;
using Xunit.Abstractions;

namespace Envoi.Tests.Checks;

/// <summary>
/// The forgotten-attachment check measured on a labelled set of 304 messages in four languages:
/// announcements with and without a file, the same announcements quoted below an unrelated reply,
/// and texts that only look like announcements (idioms, negations, titles), with and without an
/// inline signature logo. Targets: precision ≥ 0.95, recall ≥ 0.9.
/// </summary>
public sealed class ForgottenAttachmentTests(ITestOutputHelper output)
{
    private sealed record Case(string Language, string Kind, bool Expected, MimeMessage Message, string Text);

    private static IEnumerable<Case> Cases()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Checks", "forgotten-attachment-texts.tsv");
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            var (language, mentions, text) = (parts[0], parts[1] == "1", parts[2].Replace("\\n", "\n"));
            if (mentions)
            {
                yield return new Case(language, "announces, nothing attached", true, Plain(text), text);
                yield return new Case(language, "announces, file attached", false, WithPdf(text), text);
                yield return new Case(language, "announcement only in the quoted thread", false, Plain(Quoted(language, text)), text);
            }
            else
            {
                yield return new Case(language, "no announcement", false, Plain(text), text);
                yield return new Case(language, "no announcement, inline signature logo", false, HtmlWithLogo(text), text);
            }
        }
    }

    [Fact]
    public void Precision_and_recall_meet_the_targets_on_the_labelled_set()
    {
        var cases = Cases().ToList();
        Assert.True(cases.Count >= 300, $"the labelled set has only {cases.Count} messages");
        int truePositive = 0, falsePositive = 0, falseNegative = 0;
        foreach (var c in cases)
        {
            var found = ForgottenAttachmentCheck.Find(c.Message) is not null;
            if (found && c.Expected) truePositive++;
            else if (found) { falsePositive++; output.WriteLine($"false alarm [{c.Language}, {c.Kind}]: {c.Text}"); }
            else if (c.Expected) { falseNegative++; output.WriteLine($"missed [{c.Language}]: {c.Text}"); }
        }
        var precision = truePositive / (double)(truePositive + falsePositive);
        var recall = truePositive / (double)(truePositive + falseNegative);
        output.WriteLine($"{cases.Count} messages: precision {precision:0.000}, recall {recall:0.000} (TP {truePositive}, FP {falsePositive}, FN {falseNegative})");
        foreach (var language in cases.Select(c => c.Language).Distinct())
        {
            var mine = cases.Where(c => c.Language == language).ToList();
            output.WriteLine($"  {language}: {mine.Count} messages, {mine.Count(c => c.Expected)} forgotten");
        }
        Assert.True(precision >= 0.95, $"precision {precision:0.000}");
        Assert.True(recall >= 0.9, $"recall {recall:0.000}");
    }

    [Theory]
    [InlineData("Please find attached the report.\n\n-- \nJane Doe\nAttached Solutions Ltd", "attached")]
    [InlineData("Thanks!\n\n-- \nJane Doe\nAttached Solutions Ltd", null)]
    [InlineData("Sounds good.\n\n-----Original Message-----\nFrom: Bob\nSent: Monday\nPlease find attached the report.", null)]
    [InlineData("Sounds good.\n\nFrom: Bob <bob@example.com>\nSent: Monday, 3 November 2026 10:00\nTo: Jane\nSubject: report\n\nPlease find attached the report.", null)]
    public void Quoted_thread_and_signature_are_not_the_authors_text(string body, string? expected)
    {
        Assert.Equal(expected, ForgottenAttachmentCheck.Find(Plain(body)));
    }

    [Fact]
    public void Html_blockquotes_and_gmail_quotes_are_ignored()
    {
        var message = new MimeMessage { Subject = "Re: report" };
        message.Body = new TextPart("html")
        {
            Text = "<div>Thanks, looks good.</div><div class=\"gmail_quote\"><div>On Mon, Bob wrote:</div><blockquote>Please find attached the report.</blockquote></div>",
        };
        Assert.Null(ForgottenAttachmentCheck.Find(message));
        message.Body = new TextPart("html") { Text = "<p>Please find <b>attached</b> the report.</p><blockquote>older</blockquote>" };
        Assert.Equal("attached", ForgottenAttachmentCheck.Find(message));
    }

    private static string Quoted(string language, string text)
    {
        var header = language switch
        {
            "fr" => "Le lun. 3 nov. 2026 à 10:00, Bob <bob@example.com> a écrit :",
            "de" => "Am 03.11.2026 um 10:00 schrieb Bob <bob@example.com>:",
            "es" => "El lun, 3 nov 2026 a las 10:00, Bob (<bob@example.com>) escribió:",
            _ => "On Mon, 3 Nov 2026 at 10:00, Bob Smith <bob@example.com>\nwrote:",
        };
        var reply = language switch { "fr" => "Merci, bien reçu.", "de" => "Danke, habe ich bekommen.", "es" => "Gracias, recibido.", _ => "Thanks, got it." };
        return $"{reply}\n\n{header}\n" + string.Join('\n', text.Split('\n').Select(l => "> " + l));
    }

    private static MimeMessage Plain(string text) => new() { Subject = "Test", Body = new TextPart("plain") { Text = text } };

    private static MimeMessage WithPdf(string text)
    {
        var builder = new BodyBuilder { TextBody = text };
        builder.Attachments.Add("document.pdf", "%PDF-1.4 test"u8.ToArray(), new ContentType("application", "pdf"));
        return new MimeMessage { Subject = "Test", Body = builder.ToMessageBody() };
    }

    private static MimeMessage HtmlWithLogo(string text)
    {
        var builder = new BodyBuilder();
        var logo = builder.LinkedResources.Add("logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, new ContentType("image", "png"));
        logo.ContentId = "logo@envoi";
        builder.HtmlBody = $"<p>{System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>")}</p><p>--<br>Jane Doe<br><img src=\"cid:logo@envoi\" alt=\"Example\"></p>";
        return new MimeMessage { Subject = "Test", Body = builder.ToMessageBody() };
    }
}
