using Envoi.Fuzz;
using Envoi.Fuzz.Targets;

namespace Envoi.Tests.Fuzz;

/// <summary>
/// Replays the fuzzers' seed corpus and every input a fuzzer ever failed on (fuzz/regressions) through
/// the same targets afl++ drives, so a fixed crash stays fixed and the invariants (no part lost, bytes
/// outside the insertion unchanged, never signed twice, clear refusals only) hold on every build.
/// </summary>
public class FuzzCorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "fuzz");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
            foreach (var folder in new[] { "corpus", "regressions" })
            {
                var dir = Path.Combine(Root, folder, target.Name);
                if (!Directory.Exists(dir)) continue;
                foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
                    if (Path.GetFileName(file) != ".gitkeep") data.Add(target.Name, Path.GetRelativePath(Root, file));
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fuzz_input_keeps_every_invariant(string target, string input)
    {
        FuzzTargets.Find(target)!.Run(File.ReadAllBytes(Path.Combine(Root, input)));
    }

    [Fact]
    public void Every_target_has_a_seed_corpus()
    {
        foreach (var target in FuzzTargets.All)
            Assert.True(Directory.EnumerateFiles(Path.Combine(Root, "corpus", target.Name)).Any(), $"no seeds for {target.Name}");
    }

    // The invariants must be able to fail: a lost part and a change outside the insertion are caught.
    [Fact]
    public void Insertion_check_catches_a_lost_attachment()
    {
        var before = Message("Hello Bob,\r\nsee the figures.\r\n", withAttachment: true);
        var after = Message("Hello Bob,\r\nsee the figures.\r\n-- \r\nFUZZSIG\r\n", withAttachment: false);
        var e = Assert.Throws<InvariantViolation>(() => MessageSnapshot.Of(after).CheckInsertion(MessageSnapshot.Of(before), "FUZZSIG"));
        Assert.Contains("part was lost", e.Message);
    }

    [Fact]
    public void Insertion_check_catches_a_change_outside_the_insertion()
    {
        var before = Message("Hello Bob,\r\nsee the figures.\r\n", withAttachment: true);
        var after = Message("Hello Bob,\r\nsee the numbers.\r\n-- \r\nFUZZSIG\r\n", withAttachment: true);
        var e = Assert.Throws<InvariantViolation>(() => MessageSnapshot.Of(after).CheckInsertion(MessageSnapshot.Of(before), "FUZZSIG"));
        Assert.Contains("not kept around one insertion", e.Message);
    }

    [Fact]
    public void Insertion_check_accepts_one_insertion()
    {
        var before = Message("Hello Bob,\r\nsee the figures.\r\n", withAttachment: true);
        var after = Message("Hello Bob,\r\nsee the figures.\r\n-- \r\nFUZZSIG\r\n", withAttachment: true);
        MessageSnapshot.Of(after).CheckInsertion(MessageSnapshot.Of(before), "FUZZSIG");
    }

    private static MimeKit.MimeMessage Message(string text, bool withAttachment)
    {
        var mime = "From: a@example.com\r\nTo: b@example.net\r\nSubject: s\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
            + "--x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text
            + (withAttachment ? "--x\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n" : "")
            + "--x--\r\n";
        return MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mime)));
    }
}
