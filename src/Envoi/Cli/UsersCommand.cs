using System.CommandLine;
using System.Text.Json;
using Envoi.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

public static class UsersCommand
{
    public static Command Create()
    {
        var command = new Command("users", "Manage the people allowed to send through Envoi.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Alias());
        command.Subcommands.Add(Role());
        return command;
    }

    private static Command Add()
    {
        var email = new Argument<string>("EMAIL");
        var password = new Option<string>("--password") { Description = "At least 8 characters.", Required = true };
        var admin = new Option<bool>("--admin") { Description = "May see and act on every message." };
        var hold = new Option<int?>("--hold") { Description = "This user's undo window in seconds (within the admin bounds)." };
        var command = new Command("add", "Add a user.") { email, password, admin, hold };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var result = await services.GetRequiredService<UserAccounts>().AddAsync("cli", parse.GetValue(email)!, parse.GetValue(password)!, parse.GetValue(admin), parse.GetValue(hold), ct);
            if (result.User is null) { Console.Error.WriteLine(result.Error); return 1; }
            Console.WriteLine($"Added {result.User.Email}{(result.User.IsAdmin ? " (admin)" : "")}.");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = new Option<bool>("--json");
        var command = new Command("list", "List users.") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var users = await services.GetRequiredService<IUserStore>().ListAsync(ct);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(users, CliJson.Options));
            else foreach (var u in users)
                Console.WriteLine($"{u.Email,-40} {(u.IsAdmin ? "admin" : u.IsMarketing ? "marketing" : "employee"),-9} hold {(u.HoldSeconds is { } h ? $"{h}s" : "default"),-8} {string.Join(", ", u.Aliases)}");
            return 0;
        });
        return command;
    }

    private static Command Alias()
    {
        var email = new Argument<string>("EMAIL");
        var alias = new Argument<string>("ALIAS");
        var command = new Command("alias", "Let a user also send as another address.") { email, alias };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var store = services.GetRequiredService<IUserStore>();
            var user = await store.FindByEmailAsync(parse.GetValue(email)!, ct);
            if (user is null) { Console.Error.WriteLine($"No user {parse.GetValue(email)}."); return 1; }
            if (Core.Addresses.AddressSyntax.WhyRefused(parse.GetValue(alias)!) is { } why) { Console.Error.WriteLine($"Alias refused: {why}."); return 1; }
            if (!await store.AddAliasAsync(user.Id, parse.GetValue(alias)!, ct)) { Console.Error.WriteLine($"{parse.GetValue(alias)} is already taken."); return 1; }
            Console.WriteLine($"{user.Email} may now send as {parse.GetValue(alias)}.");
            return 0;
        });
        return command;
    }

    private static Command Role()
    {
        var email = new Argument<string>("EMAIL");
        var role = new Argument<string>("ROLE") { Description = "employee, marketing (campaigns and statistics) or admin." };
        var command = new Command("role", "Set what a user may do in the console and the API.") { email, role };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var result = await services.GetRequiredService<UserAccounts>().SetRoleAsync("cli", parse.GetValue(email)!, parse.GetValue(role)!, ct);
            if (result.User is null) { Console.Error.WriteLine($"envoi: {result.Error}"); return 2; }
            Console.WriteLine($"{result.User.Email} is now {parse.GetValue(role)!.Trim().ToLowerInvariant()}.");
            return 0;
        });
        return command;
    }
}
