using System.CommandLine;
using System.Text.Json;
using Envoi.Mail.Dkim;
using MimeKit.Cryptography;

namespace Envoi.Cli;

/// <summary><c>envoi dkim …</c>: signing keys in <c>DATA/dkim</c> and the DNS records that publish them.</summary>
public static class DkimCommand
{
    public static Command Create() => new("dkim", "DKIM signing keys and their DNS records.") { Keygen(), List(), Remove() };

    private static Command Keygen()
    {
        var domain = new Option<string?>("--domain") { Description = "The domain mail is sent from (the From address's domain)." };
        var selector = new Option<string?>("--selector") { Description = "Names this key in DNS: SELECTOR._domainkey.DOMAIN." };
        var algorithm = new Option<string>("--algorithm") { Description = "rsa (understood everywhere) or ed25519 (RFC 8463; add it beside an RSA key).", DefaultValueFactory = _ => "rsa" };
        var bits = new Option<int?>("--bits") { Description = $"RSA key size, 1024 to 4096 (default {DkimKeyFile.DefaultRsaBits})." };
        var force = new Option<bool>("--force") { Description = "Replace an existing key for this selector." };
        var command = new Command("keygen", "Create a signing key and print the DNS TXT record to publish.") { domain, selector, algorithm, bits, force };
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(algorithm)!.Trim().ToLowerInvariant() switch
            {
                "rsa" or "rsa-sha256" => DkimSignatureAlgorithm.RsaSha256,
                "ed25519" or "ed25519-sha256" => DkimSignatureAlgorithm.Ed25519Sha256,
                _ => (DkimSignatureAlgorithm?)null,
            };
            if (kind is null) return Refuse($"unknown algorithm '{parse.GetValue(algorithm)}' (use rsa or ed25519)");
            var size = parse.GetValue(bits);
            if (size is not null && kind == DkimSignatureAlgorithm.Ed25519Sha256) return Refuse("--bits applies to rsa keys only (Ed25519 keys have one size)");
            // RFC 8301: verifiers may ignore keys under 1024 bits; over 4096 few DNS setups cope.
            if (size is < 1024 or > 4096) return Refuse($"--bits {size} is out of range (1024 to 4096; 2048 recommended)");

            var result = Store(parse).Create(parse.GetValue(domain), parse.GetValue(selector), kind.Value, size ?? DkimKeyFile.DefaultRsaBits, parse.GetValue(force));
            if (result.Key is not { } key) return Refuse(result.Error!);
            Console.WriteLine($"Created {key.Description} key for {key.Domain}, selector {key.Selector}: {key.Path}");
            Console.WriteLine("Publish this DNS record, then restart envoi serve to sign with it:");
            Console.WriteLine();
            Console.WriteLine(key.TxtRecord);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json");
        var command = new Command("list", "List signing keys with their DNS records.") { json };
        command.SetAction(parse =>
        {
            var problems = new List<string>();
            var keys = Store(parse).List(problems);
            foreach (var problem in problems) Console.Error.WriteLine($"envoi: skipped {problem}");
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(keys.Select(k => new { k.Domain, k.Selector, k.Description, k.Path, k.TxtRecord }), CliJson.Options));
                return 0;
            }
            if (keys.Count == 0) Console.WriteLine("No DKIM keys. Create one with: envoi dkim keygen --domain example.com --selector s1");
            foreach (var key in keys)
            {
                Console.WriteLine($"{key.Domain}  selector {key.Selector}  {key.Description}  {key.Path}");
                Console.WriteLine($"  {key.TxtRecord}");
            }
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var domain = new Option<string?>("--domain") { Description = "The key's domain." };
        var selector = new Option<string?>("--selector") { Description = "The key's selector." };
        var command = new Command("remove", "Delete a signing key (mail is no longer signed with it after a restart).") { domain, selector };
        command.SetAction(parse =>
        {
            var (d, s) = (parse.GetValue(domain), parse.GetValue(selector));
            if ((DkimNames.WhyInvalidDomain(d) ?? DkimNames.WhyInvalidSelector(s)) is { } invalid) return Refuse(invalid);
            if (!Store(parse).Remove(d!, s!)) { Console.Error.WriteLine($"envoi: no DKIM key for selector '{s}' of {d}"); return 1; }
            Console.WriteLine($"Removed the key for selector {s!.ToLowerInvariant()} of {d!.ToLowerInvariant()}. Its DNS record can go once mail signed with it has been delivered.");
            return 0;
        });
        return command;
    }

    private static DkimKeyStore Store(ParseResult parse) => new(GlobalOptions.Settings(parse).DataDirectory);

    private static int Refuse(string why)
    {
        Console.Error.WriteLine($"envoi: {why}");
        return 2;
    }
}
