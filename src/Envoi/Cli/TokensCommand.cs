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
            var token = await services.GetRequiredService<UserAccounts>().CreateTokenAsync(parse.GetValue(email)!, parse.GetValue(name)!, ct);
            if (token is null) { Console.Error.WriteLine($"No user {parse.GetValue(email)}."); return 1; }
            Console.WriteLine(token);
            return 0;
        });
        return new Command("tokens", "API tokens (Authorization: Bearer …).") { create };
    }
}
