using System.Text.RegularExpressions;
using Envoi.Mail.Dkim;
using Envoi.Tests.Support;

namespace Envoi.Tests.Dkim;

/// <summary><c>envoi dkim keygen|list|remove</c> through the real executable.</summary>
public sealed class DkimKeygenTests : IDisposable
{
    private readonly string _data = TempDirectory.Create("envoi-dkim-cli");

    public void Dispose() => TempDirectory.Delete(_data);

    private Task<(int Exit, string Output)> Envoi(params string[] arguments) => EnvoiCli.RunAsync(["--data", _data, "dkim", .. arguments]);

    [Fact]
    public async Task Keygen_prints_the_txt_record_of_the_stored_key_and_keeps_the_key_private()
    {
        var (exit, output) = await Envoi("keygen", "--domain", "Example.COM", "--selector", "s1");

        Assert.True(exit == 0, output);
        var record = Assert.Single(output.Split('\n'), l => l.StartsWith("s1._domainkey.example.com. IN TXT ( ", StringComparison.Ordinal)).TrimEnd();
        Assert.EndsWith(" )", record);
        var strings = Regex.Matches(record, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal("v=DKIM1; k=rsa; ", strings[0]);
        Assert.All(strings, s => Assert.InRange(s.Length, 1, 255));
        Assert.True(strings.Count >= 3, "a 2048-bit key does not fit one 255-character string");

        var path = Path.Combine(_data, "dkim", "example.com", "s1.pem");
        var key = DkimKeyFile.Read(path, "example.com", "s1");
        Assert.Equal("p=" + key.PublicKeyBase64, string.Concat(strings.Skip(1)));
        Assert.Equal(2048, key.Bits);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Ed25519_record_publishes_the_raw_32_byte_public_key()
    {
        var (exit, output) = await Envoi("keygen", "--domain", "example.com", "--selector", "ed1", "--algorithm", "ed25519");

        Assert.True(exit == 0, output);
        var match = Regex.Match(output, "ed1\\._domainkey\\.example\\.com\\. IN TXT \\( \"v=DKIM1; k=ed25519; \" \"p=([A-Za-z0-9+/=]+)\" \\)");
        Assert.True(match.Success, output);
        Assert.Equal(32, Convert.FromBase64String(match.Groups[1].Value).Length);
    }

    [Fact]
    public async Task Existing_key_is_kept_unless_force_is_given()
    {
        Assert.Equal(0, (await Envoi("keygen", "--domain", "example.com", "--selector", "s1")).Exit);
        var path = Path.Combine(_data, "dkim", "example.com", "s1.pem");
        var original = await File.ReadAllTextAsync(path);

        var (refused, message) = await Envoi("keygen", "--domain", "example.com", "--selector", "s1");
        Assert.Equal(2, refused);
        Assert.Contains("envoi: a DKIM key for selector 's1' of example.com already exists", message);
        Assert.Contains("--force", message);
        Assert.Equal(original, await File.ReadAllTextAsync(path));

        var (replaced, output) = await Envoi("keygen", "--domain", "example.com", "--selector", "s1", "--force");
        Assert.True(replaced == 0, output);
        Assert.NotEqual(original, await File.ReadAllTextAsync(path));
    }

    [Theory]
    [InlineData("unknown algorithm 'dsa'", "--domain", "example.com", "--selector", "s1", "--algorithm", "dsa")]
    [InlineData("'../etc'", "--domain", "../etc", "--selector", "s1")]
    [InlineData("'localhost' is not a domain name", "--domain", "localhost", "--selector", "s1")]
    [InlineData("selector 'a/b'", "--domain", "example.com", "--selector", "a/b")]
    [InlineData("a selector is required", "--domain", "example.com")]
    [InlineData("--bits applies to rsa keys only", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519", "--bits", "2048")]
    [InlineData("out of range", "--domain", "example.com", "--selector", "s1", "--bits", "512")]
    public async Task Bad_input_is_refused_with_one_sentence_and_exit_code_2(string expected, params string[] arguments)
    {
        var (exit, output) = await Envoi(["keygen", .. arguments]);

        Assert.Equal(2, exit);
        Assert.StartsWith("envoi: ", output);
        Assert.Contains(expected, output);
        Assert.False(Directory.Exists(Path.Combine(_data, "dkim")) && Directory.EnumerateFiles(Path.Combine(_data, "dkim"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task List_shows_every_key_with_its_record_and_remove_deletes_one()
    {
        var store = new DkimKeyStore(_data);
        var rsa = store.Create("example.com", "s1", MimeKit.Cryptography.DkimSignatureAlgorithm.RsaSha256, 1024, replace: false).Key!;
        var ed = store.Create("example.org", "ed", MimeKit.Cryptography.DkimSignatureAlgorithm.Ed25519Sha256, 0, replace: false).Key!;

        var (exit, output) = await Envoi("list");
        Assert.True(exit == 0, output);
        Assert.Contains("example.com  selector s1  rsa-1024", output);
        Assert.Contains(rsa.TxtRecord, output);
        Assert.Contains("example.org  selector ed  ed25519", output);
        Assert.Contains(ed.TxtRecord, output);

        Assert.Equal(0, (await Envoi("remove", "--domain", "example.org", "--selector", "ed")).Exit);
        Assert.DoesNotContain("example.org", (await Envoi("list")).Output);
        Assert.Equal(1, (await Envoi("remove", "--domain", "example.org", "--selector", "ed")).Exit);
    }
}
