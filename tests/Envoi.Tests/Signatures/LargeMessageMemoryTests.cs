using Envoi.Core;
using Envoi.Core.Signatures.Placement;
using MimeKit;
using Envoi.Tests.Support;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary>
/// A 35 MB message (a large attachment under a reply) loaded from a file like the gateway does:
/// only the text parts are decoded, so injecting costs far less memory than the message's size.
/// </summary>
public sealed class LargeMessageMemoryTests
{
    [Fact]
    public void Injecting_into_a_35_MB_message_allocates_less_than_3_times_its_size()
    {
        var directory = TempDirectory.Create("envoi-large");
        try
        {
            var input = Path.Combine(directory, "in.eml");
            WriteLargeReply(input, attachmentBytes: 26_000_000);
            var size = new FileInfo(input).Length;
            Assert.InRange(size, 34_000_000, 37_000_000);

            // Allocations of this thread only: other tests run in parallel in this process. What
            // a thread allocated bounds what it can have held at its peak.
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            InjectionResult result;
            using (var stream = File.OpenRead(input))
            {
                var message = MimeMessage.Load(stream, persistent: true);
                result = SignatureInjector.Inject(message, Standard);
                using var output = File.Create(Path.Combine(directory, "out.eml"));
                message.WriteTo(WireFormat.Options, output);
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

            Assert.Equal(InjectionOutcome.Inserted, result.Outcome);
            Assert.True(allocated < 3 * size, $"allocated {allocated:N0} bytes for a {size:N0}-byte message");
            Assert.True(new FileInfo(Path.Combine(directory, "out.eml")).Length > size);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private static void WriteLargeReply(string path, int attachmentBytes)
    {
        var content = new byte[attachmentBytes];
        new Random(1).NextBytes(content);
        var body = new BodyBuilder
        {
            TextBody = "Here is the archive.\nAlex\n\nOn Monday, Bob <bob@example.com> wrote:\n> Can you send it?\n",
            HtmlBody = "<div>Here is the archive.<br>Alex</div><div class=\"gmail_quote\">On Monday, Bob wrote:<blockquote>Can you send it?</blockquote></div>",
        };
        body.Attachments.Add("archive.zip", content, new ContentType("application", "zip"));
        var message = Message(body.ToMessageBody());
        using var file = File.Create(path);
        message.WriteTo(WireFormat.Options, file);
    }
}
