using Envoi.Tests.Support;
using MimeKit;
using static Envoi.Tests.Signatures.SignatureMessages;

namespace Envoi.Tests.Signatures;

/// <summary><c>envoi inject</c> run as an operator would, on a real reply file.</summary>
public sealed class InjectCliTests
{
    [Fact]
    public async Task Inject_writes_the_signed_message_and_explains_where()
    {
        var directory = TempDirectory.Create("envoi-inject");
        try
        {
            var html = Path.Combine(directory, "signature.html");
            var text = Path.Combine(directory, "signature.txt");
            await File.WriteAllTextAsync(html, "<p>Jane Doe<br>ACME Corp</p>");
            await File.WriteAllTextAsync(text, "Jane Doe\nACME Corp\n");
            var reply = Html(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Signatures", "corpus", "gmail.html")));

            var (exit, output, error) = await EnvoiCli.RunWithInputAsync(Bytes(reply), "inject", "--html", html, "--text", text, "--name", "sales");

            Assert.Equal(0, exit);
            Assert.Contains("inserted above the Gmail quote (gmail_quote) in text/html", error);
            var signed = MimeMessage.Load(new MemoryStream(output));
            Assert.Contains("Alex</div></div></div><div class=\"envoi-signature\" data-envoi-signature=\"sales\"><p>Jane Doe<br>ACME Corp</p></div><div class=\"gmail_extra\">", signed.HtmlBody!.ReplaceLineEndings(""));
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    [Fact]
    public async Task Missing_file_or_garbage_input_is_a_sentence_and_exit_2_with_nothing_on_stdout()
    {
        var (exit, output, error) = await EnvoiCli.RunWithInputAsync(Bytes(Text("Hello\n")), "inject", "--html", "/nonexistent/sig.html", "--text", "/nonexistent/sig.txt");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("envoi: /nonexistent/sig.html: no such file.", error);

        var directory = TempDirectory.Create("envoi-inject");
        try
        {
            var file = Path.Combine(directory, "sig");
            await File.WriteAllTextAsync(file, "Jane");
            (exit, output, error) = await EnvoiCli.RunWithInputAsync([], "inject", "--html", file, "--text", file);
            Assert.Equal(2, exit);
            Assert.Empty(output);
            Assert.StartsWith("envoi: standard input is not a MIME message", error);
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }
}
