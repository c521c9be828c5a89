using Envoi.Core.Signatures.Placement;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// Replies written by real clients (talon's fixtures, Apache 2.0): the signature must land right
/// after the author's last word and right before the quoted thread's first words.
/// </summary>
public sealed class CorpusPlacementTests
{
    // File, the author's last word, the first words of the quote (its attribution or header).
    public static TheoryData<string, string, string> Replies => new()
    {
        { "gmail.html", "Alex", "On Thu, Jun 26, 2014 at 2:14 PM, Alexander L" },
        { "hotmail.html", "Alex", "Date: Thu, 26 Jun 2014" },
        { "mail_ru.html", "Alex", "Thu, 26 Jun 2014 14:00:51 +0400" },
        { "ms_outlook_2003.html", "Alex", "From: Alexander L" },
        { "ms_outlook_2007.html", "Alex", "From: Alexander L" },
        { "ms_outlook_2010.html", "Alex", "From: Foo" },
        { "outlook_olk_src_body_section.html", "Reply", "From: Bob" },
        // The corpus README calls the new text "Hi there", but "Bob" sits on the author's side of
        // the <hr>, in the same div: a person would sign below it, above the rule.
        { "reply_separated_by_hr.html", "Bob", "From: bob@example.com" },
        { "thunderbird.html", "Alex", "On 26.06.2014 14:41, Alexander L wrote:" },
        { "windows_mail.html", "Alex", "От: Alexander L" },
        { "yandex_ru.html", "Alex", "26.06.2014, 14:41, \"Alexander L\"" },
    };

    [Fact]
    public void Every_corpus_file_is_covered()
    {
        var files = Directory.GetFiles(CorpusDirectory, "*.html").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(files, Replies.Select(r => (string)r[0]).Order().ToArray());
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void Signature_goes_right_after_the_new_text_and_above_the_quote(string file, string lastWord, string quoteStart)
    {
        var message = Html(File.ReadAllText(Path.Combine(CorpusDirectory, file)));
        var original = RoundTrip(message).HtmlBody!;

        var result = SignatureInjector.Inject(message, Standard);

        Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
        Assert.Contains("above", result.Explanation);
        var html = RoundTrip(message).HtmlBody!;
        var (offset, inserted) = SingleInsertion(original, html, "<div class=\"envoi-signature\" data-envoi-signature=\"standard\">");
        Assert.EndsWith("</div>", inserted);
        Assert.EndsWith(lastWord, Visible(html[..offset]));
        Assert.StartsWith(quoteStart, Visible(html[(offset + inserted.Length)..]));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void Injecting_twice_changes_nothing_the_second_time(string file, string lastWord, string quoteStart)
    {
        _ = (lastWord, quoteStart);
        var message = Html(File.ReadAllText(Path.Combine(CorpusDirectory, file)));
        SignatureInjector.Inject(message, Standard);
        var once = Bytes(message);

        var again = SignatureInjector.Inject(message, Standard);

        Assert.Equal(InjectionOutcome.AlreadyPresent, again.Outcome);
        Assert.Equal(once, Bytes(message));
    }

    private static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Signatures", "corpus");
}
