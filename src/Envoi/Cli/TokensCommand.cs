using System.CommandLine;
using Envoi.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

public static class TokensCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL");
        var name = new Option<string>("--name") { Description = "What the token is for.", DefaultValueFactory = _ => "cli" };
        var create = new Command("create", "Create an API token for a user; it is shown once.") { email, name };
        create.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var token = await services.GetRequiredService<UserAccounts>().CreateTokenAsync("cli", parse.GetValue(email)!, parse.GetValue(name)!, ct);
            if (token is null) { Console.Error.WriteLine($"No user {parse.GetValue(email)}."); return 1; }
            Console.WriteLine(token);
            return 0;
        });

        var listEmail = new Argument<string>("EMAIL");
        var listJson = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "A user's API tokens: id, name, created (never the secrets).") { listEmail, listJson };
        list.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var tokens = await services.GetRequiredService<UserAccounts>().TokensAsync(parse.GetValue(listEmail)!, ct);
            if (tokens is null) { Console.Error.WriteLine($"No user {parse.GetValue(listEmail)}."); return 1; }
            if (parse.GetValue(listJson)) Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(tokens, CliJson.Options));
            else foreach (var t in tokens) Console.WriteLine($"{t.Id}\t{t.Name}\t{t.CreatedAt:yyyy-MM-dd HH:mm}");
            return 0;
        });

        var revokeEmail = new Argument<string>("EMAIL");
        var revokeName = new Argument<string>("NAME") { Description = "The token name, e.g. outlook-addin for the Outlook add-in's sign-ins." };
        var revoke = new Command("revoke", "Revoke a user's API tokens with this name.") { revokeEmail, revokeName };
        revoke.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var count = await services.GetRequiredService<UserAccounts>().RevokeTokensAsync("cli", parse.GetValue(revokeEmail)!, parse.GetValue(revokeName)!, ct);
            if (count is null) { Console.Error.WriteLine($"No user {parse.GetValue(revokeEmail)}."); return 1; }
            if (count == 0) { Console.Error.WriteLine($"{parse.GetValue(revokeEmail)} has no token named {parse.GetValue(revokeName)}."); return 1; }
            Console.WriteLine($"Revoked {count} token(s).");
            return 0;
        });
        return new Command("tokens", "API tokens (Authorization: Bearer …).") { create, list, revoke };
    }
}
