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
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Remove());
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
            if (result.User is null) return Refuse(result.Error!);
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
                Console.WriteLine($"{u.Email,-40} {u.Role,-9} {(u.Disabled ? "disabled" : "enabled"),-8} hold {(u.HoldSeconds is { } h ? $"{h}s" : "default"),-8} {string.Join(", ", u.Aliases)}");
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
            if (result.User is null) return Refuse(result.Error!);
            Console.WriteLine($"{result.User.Email} is now {result.User.Role}.");
            return 0;
        });
        return command;
    }

    private static Command Set()
    {
        var email = new Argument<string>("EMAIL");
        var hold = new Option<string?>("--hold") { Description = "The user's undo window in seconds (within the admin bounds), or 'default'." };
        var password = new Option<string?>("--password") { Description = "A new password (at least 8 characters)." };
        var role = new Option<string?>("--role") { Description = "employee, marketing or admin." };
        var disable = new Option<bool>("--disable") { Description = "No more sign-in (console, API tokens, SMTP AUTH); the account and its history stay." };
        var enable = new Option<bool>("--enable") { Description = "Allow sign-in again." };
        var command = new Command("set", "Change a user's undo window, password, role or access, in one audited change.") { email, hold, password, role, disable, enable };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(disable) && parse.GetValue(enable)) return Refuse("give --disable or --enable, not both.");
            Change<int?>? holdChange = null;
            if (parse.GetValue(hold) is { } given)
            {
                if (given.Trim().Equals("default", StringComparison.OrdinalIgnoreCase)) holdChange = new Change<int?>(null);
                else if (int.TryParse(given, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)) holdChange = new Change<int?>(seconds);
                else return Refuse($"--hold '{given}' is neither a number of seconds nor 'default'.");
            }
            var change = new AccountChange(parse.GetValue(password), parse.GetValue(role), holdChange,
                parse.GetValue(disable) ? true : parse.GetValue(enable) ? false : null);
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var result = await services.GetRequiredService<UserAccounts>().UpdateAsync("cli", parse.GetValue(email)!, change, ct);
            if (result.User is not { } user) return Refuse(result.Error!);
            Console.WriteLine($"{user.Email}: {user.Role}, {(user.Disabled ? "disabled" : "enabled")}, undo window {(user.HoldSeconds is { } h ? $"{h} s" : "default")}{(change.Password is null ? "" : ", password changed")}.");
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var email = new Argument<string>("EMAIL");
        var command = new Command("remove", "Delete a user with their aliases and API tokens (mail they already submitted is still relayed).") { email };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var result = await services.GetRequiredService<UserAccounts>().RemoveAsync("cli", parse.GetValue(email)!, ct);
            if (result.User is not { } user) return Refuse(result.Error!);
            Console.WriteLine($"Removed {user.Email}.");
            return 0;
        });
        return command;
    }

    private static int Refuse(string why)
    {
        Console.Error.WriteLine($"envoi: {why}");
        return 1;
    }
}
