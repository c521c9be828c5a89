using System.Text;
using Envoi.Mail.Dkim;
using Envoi.Tests.Support;
using MimeKit;
using MimeKit.Cryptography;

namespace Envoi.Tests.Dkim;

/// <summary>
/// Mail through the real gateway to a real upstream over loopback SMTP, with the relayed bytes
/// checked by python3-dkim: an independent verifier that sees exactly what the upstream received.
/// </summary>
public sealed class DkimSigningTests : IAsyncLifetime
{
    private const string Password = "password-123";
    private readonly string _data = TempDirectory.Create("envoi-dkim");
    private TestUpstream _upstream = null!;
    private EnvoiTestHost _envoi = null!;
    private DkimKey _rsa = null!, _ed25519 = null!, _bothRsa = null!, _bothEd25519 = null!;

    public async Task InitializeAsync()
    {
        // Keys first: the gateway loads them at start-up.
        var store = new DkimKeyStore(_data);
        _rsa = store.Create("rsa.example", "s1", DkimSignatureAlgorithm.RsaSha256, 2048, replace: false).Key!;
        _ed25519 = store.Create("ed.example", "ed1", DkimSignatureAlgorithm.Ed25519Sha256, 0, replace: false).Key!;
        _bothRsa = store.Create("both.example", "rsa", DkimSignatureAlgorithm.RsaSha256, 2048, replace: false).Key!;
        _bothEd25519 = store.Create("both.example", "ed", DkimSignatureAlgorithm.Ed25519Sha256, 0, replace: false).Key!;

        _upstream = await TestUpstream.StartAsync();
        _envoi = await EnvoiTestHost.StartAsync(s => s.Upstream.Url = _upstream.Url, dataDirectory: _data);
        foreach (var user in new[] { "alice@rsa.example", "bob@ed.example", "carol@nokey.example", "dave@both.example", "erin@news.rsa.example" })
            await _envoi.AddUserAsync(user, Password);
    }

    public async Task DisposeAsync()
    {
        await _envoi.DisposeAsync();
        await _upstream.DisposeAsync();
        TempDirectory.Delete(_data);
    }

    private async Task<byte[]> RelayAsync(string from, string to, string subject = "Hello", string body = "Hello there.\r\n")
    {
        await _envoi.SendAsync(from, Password, EnvoiTestHost.Message(from, to, subject, body));
        return (await _upstream.WaitForAsync(m => m.Recipients.Contains(to))).Raw;
    }

    /// <summary>Sends exactly <paramref name="data"/> as the message, the way a client that writes its own MIME would.</summary>
    private async Task<byte[]> RelayRawAsync(string from, string to, string data)
    {
        await using var raw = await RawSmtpClient.ConnectAsync(_envoi.SmtpPort);
        await raw.LoginAsync(from, Password);
        Assert.StartsWith("250", await raw.CommandAsync($"MAIL FROM:<{from}> BODY=8BITMIME"));
        Assert.StartsWith("250", await raw.CommandAsync($"RCPT TO:<{to}>"));
        Assert.StartsWith("354", await raw.CommandAsync("DATA"));
        await raw.SendAsync(Encoding.UTF8.GetBytes(data + ".\r\n"));
        Assert.StartsWith("250", await raw.ReadReplyAsync());
        return (await _upstream.WaitForAsync(m => m.Recipients.Contains(to))).Raw;
    }

    [Fact]
    public async Task A_message_that_got_its_signature_at_release_still_verifies()
    {
        await _envoi.ImportEmployeesAsync("email,displayName,jobTitle\nalice@rsa.example,Alice Martin,Trésorière\n");
        var admin = (await _envoi.AddUserAsync("admin@rsa.example", Password, admin: true)).Api;
        var saved = await admin.PutAsync("/api/signatures/full", System.Net.Http.Json.JsonContent.Create(new { html = "<p>{{ displayName }} · {{ jobTitle }}</p>", text = "{{ displayName }} · {{ jobTitle }}" }));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        var rules = await admin.PutAsync("/api/signatures/rules", new StringContent("[{ \"name\": \"all\", \"when\": {}, \"then\": { \"signature\": \"full\" } }]", Encoding.UTF8, "application/json"));
        Assert.True(rules.IsSuccessStatusCode, await rules.Content.ReadAsStringAsync());

        var raw = await RelayAsync("alice@rsa.example", "signed@example.net", "Figures", "Hi Bob,\r\nhere they are.\r\nAlice\r\n");
        Assert.Contains("Alice Martin · Trésorière", MimeMessage.Load(new MemoryStream(raw)).TextBody);
        Assert.True((await PythonDkim.VerifyAsync(raw, _rsa)).AllPass);
    }

    private static List<Header> DkimSignatures(byte[] raw) =>
        MimeMessage.Load(new MemoryStream(raw)).Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();

    [Fact]
    public async Task Rsa_sha256_signature_verifies_with_python_dkim()
    {
        var raw = await RelayAsync("alice@rsa.example", "rsa@example.net");

        var signature = Assert.Single(DkimSignatures(raw)).Value;
        Assert.Contains("a=rsa-sha256", signature);
        Assert.Contains("d=rsa.example", signature);
        Assert.Contains("s=s1", signature);
        Assert.Contains("c=relaxed/relaxed", signature);
        var verdict = await PythonDkim.VerifyAsync(raw, _rsa);
        Assert.True(verdict.AllPass, verdict.Output);
    }

    [Fact]
    public async Task Ed25519_sha256_signature_verifies_with_python_dkim()
    {
        var raw = await RelayAsync("bob@ed.example", "ed@example.net");

        Assert.Contains("a=ed25519-sha256", Assert.Single(DkimSignatures(raw)).Value);
        var verdict = await PythonDkim.VerifyAsync(raw, _ed25519);
        Assert.True(verdict.AllPass, verdict.Output);
    }

    [Fact]
    public async Task Domain_with_an_rsa_and_an_ed25519_key_gets_both_signatures_and_both_verify()
    {
        var raw = await RelayAsync("dave@both.example", "both@example.net");

        Assert.Equal(2, DkimSignatures(raw).Count);
        var verdict = await PythonDkim.VerifyAsync(raw, _bothRsa, _bothEd25519);
        Assert.True(verdict.AllPass, verdict.Output);
        Assert.Contains("a=rsa-sha256", verdict.Output);
        Assert.Contains("a=ed25519-sha256", verdict.Output);
    }

    [Fact]
    public async Task Subdomain_sender_is_signed_by_the_parent_domain_key()
    {
        var raw = await RelayAsync("erin@news.rsa.example", "sub@example.net");

        Assert.Contains("d=rsa.example", Assert.Single(DkimSignatures(raw)).Value);
        Assert.True((await PythonDkim.VerifyAsync(raw, _rsa)).AllPass);
    }

    private const string Utf8Text = "Grüße aus Zürich — ça marche, 日本語も.\r\nZweite Zeile.\r\n";

    [Theory]
    [InlineData("single-part", "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + Utf8Text)]
    // What sloppy clients send: 8-bit text with no Content-Transfer-Encoding, inside a multipart.
    [InlineData("multipart", "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + Utf8Text + "\r\n" +
        "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + Utf8Text + "</p>\r\n" +
        "--b1--\r\n")]
    public async Task Eight_bit_utf8_body_still_verifies_after_relay(string shape, string contentAndBody)
    {
        var to = $"utf8-{shape}@example.net";
        var raw = await RelayRawAsync("alice@rsa.example", to,
            "From: Alice <alice@rsa.example>\r\n" +
            $"To: <{to}>\r\n" +
            "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe?=\r\n" +
            "Date: Thu, 27 Nov 2025 10:00:00 +0100\r\n" +
            $"Message-ID: <utf8-{shape}@rsa.example>\r\n" +
            "MIME-Version: 1.0\r\n" +
            contentAndBody);

        var verdict = await PythonDkim.VerifyAsync(raw, _rsa);
        Assert.True(verdict.AllPass, verdict.Output);
        // Signed as 7-bit: MailKit sends a DKIM-signed message untouched, so without this an
        // upstream lacking 8BITMIME would get raw 8-bit data, and a later hop might downgrade it
        // and break the signature.
        Assert.DoesNotContain(raw, b => b >= 0x80);
        var text = MimeMessage.Load(new MemoryStream(raw)).BodyParts.OfType<TextPart>().First().Text;
        Assert.Equal(Utf8Text.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Message_from_a_domain_without_a_key_is_relayed_unsigned()
    {
        var raw = await RelayAsync("carol@nokey.example", "nokey@example.net");

        Assert.Empty(DkimSignatures(raw));
        Assert.Equal(3, (await PythonDkim.VerifyAsync(raw, _rsa)).Exit);
    }

    [Fact]
    public async Task Changing_one_body_byte_or_the_subject_after_signing_fails_verification()
    {
        var raw = await RelayAsync("alice@rsa.example", "tamper@example.net", "Quarterly figures", "Revenue grew 12 percent.\r\n");
        Assert.True((await PythonDkim.VerifyAsync(raw, _rsa)).AllPass);

        var text = Encoding.ASCII.GetString(raw);
        var bodyByte = text.IndexOf("12 percent", text.IndexOf("\r\n\r\n", StringComparison.Ordinal), StringComparison.Ordinal);
        var tamperedBody = (byte[])raw.Clone();
        tamperedBody[bodyByte] = (byte)'9';
        var body = await PythonDkim.VerifyAsync(tamperedBody, _rsa);
        Assert.Equal(1, body.Exit);
        Assert.Contains("FAIL", body.Output);

        var tamperedSubject = Encoding.ASCII.GetBytes(text.Replace("Subject: Quarterly figures", "Subject: Quarterly fig/res"));
        Assert.Equal(1, (await PythonDkim.VerifyAsync(tamperedSubject, _rsa)).Exit);
    }

    [Fact]
    public async Task Protected_multipart_signed_message_is_dkim_signed_but_otherwise_byte_identical()
    {
        // An S/MIME-shaped message written by its client, with quirks a re-serialization would
        // lose: a folded Subject, a lower-case header name, trailing spaces in the signed text.
        var original =
            "From: Alice <alice@rsa.example>\r\n" +
            "To: signed@example.net\r\n" +
            "Subject: Signed\r\n quarterly figures\r\n" +
            "Date: Thu, 27 Nov 2025 10:00:00 +0100\r\n" +
            "Message-ID: <signed-1@rsa.example>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "content-type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256;\r\n\tboundary=\"----=_sig\"\r\n" +
            "\r\n" +
            "This is a cryptographically signed message in MIME format.\r\n" +
            "\r\n" +
            "------=_sig\r\n" +
            "Content-Type: text/plain; charset=us-ascii\r\n" +
            "\r\n" +
            "The figures, signed.   \r\n" +
            "A line that is longer than seventy-eight characters but well below the limit of 998.\r\n" +
            "\r\n" +
            "------=_sig\r\n" +
            "Content-Type: application/pkcs7-signature; name=smime.p7s\r\n" +
            "Content-Transfer-Encoding: base64\r\n" +
            "Content-Disposition: attachment; filename=smime.p7s\r\n" +
            "\r\n" +
            "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAADGCAQ4w\r\n" +
            "ggEKAgEBMA0GCSqGSIb3DQEBCwUABIIBAFakeSignatureBytesForTheTestOnly0000000000\r\n" +
            "\r\n" +
            "------=_sig--\r\n";

        var raw = await RelayRawAsync("alice@rsa.example", "signed@example.net", original);

        var verdict = await PythonDkim.VerifyAsync(raw, _rsa);
        Assert.True(verdict.AllPass, verdict.Output);
        // The upstream's SMTP engine hands over the data without the CRLF that ends the last line
        // (it counts it as part of the final "CRLF . CRLF"), so compare up to there.
        var relayed = Encoding.UTF8.GetString(raw).TrimEnd('\r', '\n');
        original = original.TrimEnd('\r', '\n');
        Assert.EndsWith(original, relayed);
        // In front of the client's bytes: only the DKIM-Signature and Envoi's Received header.
        var added = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(relayed[..^original.Length] + "\r\n"))).Headers.Select(h => h.Field).ToList();
        Assert.Equal(["DKIM-Signature", "Received"], added);
    }
}
