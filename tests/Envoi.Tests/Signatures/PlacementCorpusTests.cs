using System.Net;
using System.Text;
using Envoi.Core.Signatures.Placement;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// The measured corpus: every reply of <see cref="PlacementCorpus"/> in text/plain and in each
/// client's HTML shape, the talon HTML replies and the crisp text replies of the shared corpus. Each
/// must get the signature right after the author's text and above the quote, and a second pass must
/// change nothing. The figures per client and language are docs/placement.md, which this test
/// checks (set ENVOI_WRITE_PLACEMENT_DOC=1 to rewrite it).
/// </summary>
public sealed class PlacementCorpusTests
{
    private const string NewText = "Thanks for the figures.\n\nBest,\nAlex\n";

    private sealed record Outcome(string Client, string Language, string Form, bool Placed, bool Once, string Case);

    [Fact]
    public void Every_corpus_reply_is_signed_above_the_quote_and_never_twice()
    {
        var outcomes = new List<Outcome>();
        foreach (var reply in PlacementCorpus.Headers)
        {
            outcomes.Add(TextReply(reply));
            foreach (var (client, template) in PlacementCorpus.HtmlShapes)
                if (FitsShape(reply, client)) outcomes.Add(HtmlReply(reply, client, template));
        }
        outcomes.AddRange(SharedTextReplies());

        var document = Figures(outcomes);
        var path = Path.Combine(RepositoryRoot, "docs", "placement.md");
        if (Environment.GetEnvironmentVariable("ENVOI_WRITE_PLACEMENT_DOC") == "1") File.WriteAllText(path, document);

        var failures = outcomes.Where(o => !o.Placed || !o.Once).Select(o => $"{o.Language} {o.Client} {o.Form}: {(o.Placed ? "" : "misplaced ")}{(o.Once ? "" : "signed twice ")}— {o.Case}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {outcomes.Count} replies failed:\n" + string.Join("\n", failures));
        Assert.True(outcomes.Count >= 150, $"only {outcomes.Count} replies in the corpus");
        Assert.Equal(document, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    /// <summary>A client's own HTML shape gets its own wording; the generic shapes (Gmail, Apple, Outlook) get every language's.</summary>
    private static bool FitsShape(PlacementCorpus.Reply reply, string shape) => shape switch
    {
        "Gmail" or "Apple Mail" or "Hotmail (&gt; lines)" => true,
        "Outlook desktop" or "Outlook.com" => reply.Client.StartsWith("Outlook", StringComparison.Ordinal),
        "Zoho" => reply.Client == "Zoho",
        "Yahoo" => reply.Client == "Yahoo",
        "Zimbra" or "ProtonMail" or "Superhuman" or "Spark" or "Thunderbird" => reply.Language == "en" && reply.Client is "Gmail" or "Outlook",
        _ => false,
    };

    private static Outcome TextReply(PlacementCorpus.Reply reply)
    {
        var last = reply.Header.TrimEnd()[^1];
        var quoted = last is ':' or '：' or '-' ? "\n> Quoted text\n> more quoted text\n" : "\n\nQuoted text\nmore quoted text\n";
        var message = Text(NewText + "\n" + reply.Header + quoted);
        var original = Lf(RoundTrip(message).TextBody!);
        SignatureInjector.Inject(message, Standard);
        var text = Lf(RoundTrip(message).TextBody!);
        var at = text.IndexOf("\nJane Doe", StringComparison.Ordinal);
        var inserted = text.Length - original.Length;
        var placed = at >= 0 && text.Remove(at, inserted) == original && text[..at] == NewText
            && text[(at + inserted)..].TrimStart().StartsWith(reply.Header.Split('\n')[0], StringComparison.Ordinal);
        return new Outcome(reply.Client, reply.Language, "text", placed, SecondPassChangesNothing(message), reply.Header.Split('\n')[0]);
    }

    private static Outcome HtmlReply(PlacementCorpus.Reply reply, string client, string template)
    {
        var header = string.Join("<br>", reply.Header.Split('\n').Select(l => WebUtility.HtmlEncode(l)));
        var html = "<html><body>" + template.Replace("{new}", "Thanks for the figures.<br><br>Best,<br>Alex").Replace("{header}", header) + "</body></html>";
        var message = Html(html);
        SignatureInjector.Inject(message, Standard);
        var signed = RoundTrip(message).HtmlBody!;
        var at = signed.IndexOf("<div class=\"envoi-signature\"", StringComparison.Ordinal);
        var end = at < 0 ? -1 : signed.IndexOf("</p></div>", at, StringComparison.Ordinal) + "</p></div>".Length;
        var placed = at >= 0 && Visible(signed[..at]).EndsWith("Alex", StringComparison.Ordinal)
            && QuoteStart(Visible(signed[end..])).StartsWith(Visible(WebUtility.HtmlEncode(QuoteStart(reply.Header))), StringComparison.Ordinal);
        return new Outcome(client, reply.Language, "html", placed, SecondPassChangesNothing(message), reply.Header.Split('\n')[0]);
    }

    /// <summary>The first visible words of the quote: the header's first line without invisible marks.</summary>
    private static string QuoteStart(string header)
    {
        var first = header.Split('\n')[0];
        return new string(first.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
    }

    /// <summary>The crisp corpus (many languages and clients): never signed twice, whatever the shape.</summary>
    private static IEnumerable<Outcome> SharedTextReplies()
    {
        var directory = Path.Combine(RepositoryRoot, "..", "shared", "corpus", "text-replies");
        Assert.True(Directory.Exists(directory), $"the shared corpus is missing: {directory}");
        foreach (var file in Directory.GetFiles(directory, "*.txt").Order())
        {
            var message = Text(File.ReadAllText(file));
            var result = SignatureInjector.Inject(message, Standard);
            var signed = Lf(RoundTrip(message).TextBody!);
            yield return new Outcome("crisp corpus", "mixed", "text", result.Outcome == InjectionOutcome.Inserted && Count(signed, "Jane Doe") >= 1,
                SecondPassChangesNothing(message), Path.GetFileName(file));
        }
    }

    private static bool SecondPassChangesNothing(MimeKit.MimeMessage message)
    {
        var once = Bytes(message);
        var again = SignatureInjector.Inject(message, Standard);
        return again.Outcome == InjectionOutcome.AlreadyPresent && once.AsSpan().SequenceEqual(Bytes(message));
    }

    private static string Figures(List<Outcome> outcomes)
    {
        var text = new StringBuilder();
        text.Append("# Signature placement: measured corpus\n\n");
        text.Append("Generated by `PlacementCorpusTests` (tests/Envoi.Tests/Signatures); CI fails when this file and the\n");
        text.Append("measurement disagree. Rewrite it with `ENVOI_WRITE_PLACEMENT_DOC=1 dotnet test tests/Envoi.Tests --filter PlacementCorpusTests`.\n\n");
        text.Append("*Placed*: the signature sits right after the author's text and right above the quote's first line.\n");
        text.Append("*Once*: a second pass over the signed message reports it present and changes no byte.\n");
        text.Append("The crisp corpus (`../shared/corpus/text-replies`) is counted for *once* and for getting a signature.\n\n");
        text.Append($"Total: {outcomes.Count} replies, placed {Share(outcomes, o => o.Placed)}, once {Share(outcomes, o => o.Once)}.\n\n");
        Table(text, "Client", outcomes.GroupBy(o => $"{o.Client} ({o.Form})"));
        Table(text, "Language", outcomes.GroupBy(o => o.Language));
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, IEnumerable<IGrouping<string, Outcome>> groups)
    {
        text.Append($"| {title} | replies | placed | once |\n|---|---|---|---|\n");
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            text.Append($"| {group.Key} | {group.Count()} | {Share(group.ToList(), o => o.Placed)} | {Share(group.ToList(), o => o.Once)} |\n");
        text.Append('\n');
    }

    private static string Share(IReadOnlyCollection<Outcome> outcomes, Func<Outcome, bool> test) =>
        $"{100.0 * outcomes.Count(test) / outcomes.Count:0.#} %";


    private static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "Envoi.slnx"))) return directory.FullName;
            throw new InvalidOperationException("the repository root (Envoi.slnx) is not above " + AppContext.BaseDirectory);
        }
    }
}
