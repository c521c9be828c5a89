using Envoi.Hosting;
using Envoi.Tests.Support;
using Xunit;

namespace Envoi.Tests.Signatures;

/// <summary><c>envoi signatures …</c> and <c>envoi render</c>, run as the real executable on a data directory.</summary>
public sealed class SignatureCliTests : IDisposable
{
    private readonly EnvoiSettings _settings = new() { DataDirectory = TempDirectory.Create("envoi-cli") };

    public void Dispose() => TempDirectory.Delete(_settings.DataDirectory);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_settings.DataDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task An_admin_sets_up_signatures_and_rules_and_renders_with_an_explanation()
    {
        var csv = Write("people.csv", "email,displayName,jobTitle\nalice@example.com,Alice Martin,CFO\n");
        Assert.Equal(0, (await EnvoiCli.RunAsync(_settings, "directory", "import", csv)).Exit);

        var html = Write("full.html", "<table><tr><td><b>{{ displayName }}</b></td></tr>\n<tr data-envoi-optional=\"mobile\"><td>M: {{ mobile | tel_link }}</td></tr></table>");
        var text = Write("full.txt", "{{ displayName }}\n{{ jobTitle }}");
        var (exit, output) = await EnvoiCli.RunAsync(_settings, "signatures", "set", "full", "--html", html, "--text", text);
        Assert.True(exit == 0, output);
        Assert.Contains("Signature 'full' saved.", output);

        var broken = Write("broken.html", "<p>\n{{ displayName | no_such_filter }}</p>");
        (exit, output) = await EnvoiCli.RunAsync(_settings, "signatures", "set", "broken", "--html", broken, "--text", text);
        Assert.Equal(1, exit);
        Assert.Contains("line 2", output);
        Assert.Contains("was not saved", output);

        var badRules = Write("bad-rules.json", """[{ "name": "x", "when": {}, "then": { "signature": "missing" } }]""");
        (exit, output) = await EnvoiCli.RunAsync(_settings, "signatures", "rules", "set", badRules);
        Assert.Equal(1, exit);
        Assert.Contains("there is no signature named 'missing'", output);

        var rules = Write("rules.json", """
            [
              { "name": "internal", "when": { "recipients": "allInternal" }, "then": { "signature": null } },
              { "name": "external", "when": { "recipients": "anyExternal" }, "then": { "signature": "full" } }
            ]
            """);
        (exit, output) = await EnvoiCli.RunAsync(_settings, "signatures", "rules", "set", rules);
        Assert.True(exit == 0, output);

        (exit, output) = await EnvoiCli.RunAsync(_settings, "render", "alice@example.com", "--to", "carl@client.test", "--explain");
        Assert.True(exit == 0, output);
        Assert.Contains("<b>Alice Martin</b>", output);
        Assert.DoesNotContain("M: ", output); // no mobile: the optional row is gone
        Assert.Contains("rule 1 'internal': no, not every recipient is internal (client.test is external)", output);
        Assert.Contains("→ signature 'full': rule 2 'external'", output);

        (exit, output) = await EnvoiCli.RunAsync(_settings, "render", "alice@example.com", "--to", "carl@client.test", "--format", "text");
        Assert.Equal("Alice Martin\nCFO", output.Trim().ReplaceLineEndings("\n"));

        (exit, output) = await EnvoiCli.RunAsync(_settings, "render", "alice@example.com", "--to", "bob@example.com");
        Assert.Contains("No signature: rule 1 'internal'", output);

        (exit, output) = await EnvoiCli.RunAsync(_settings, "render", "nobody@example.com");
        Assert.Contains("nobody@example.com is not an active employee", output);

        (exit, output) = await EnvoiCli.RunAsync(_settings, "render", "alice@example.com", "--kind", "sideways");
        Assert.Equal(2, exit);
        Assert.Contains("--kind must be new, reply or forward", output);
    }

    [Fact]
    public async Task Images_are_checked_before_they_are_stored()
    {
        var png = Path.Combine(_settings.DataDirectory, "logo.png");
        File.WriteAllBytes(png, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        var (exit, output) = await EnvoiCli.RunAsync(_settings, "signatures", "assets", "add", png);
        Assert.True(exit == 0, output);
        Assert.Contains("Saved /assets/logo.png (image/png", output);

        var fake = Write("fake.png", "<svg/>");
        (exit, output) = await EnvoiCli.RunAsync(_settings, "signatures", "assets", "add", fake);
        Assert.Equal(2, exit);
        Assert.Contains("only PNG, JPEG and GIF", output);

        (_, output) = await EnvoiCli.RunAsync(_settings, "signatures", "assets", "list");
        Assert.Contains("logo.png", output);
        Assert.DoesNotContain("fake.png", output);
    }
}
