using System.Diagnostics;
using System.Text.Json;
using Envoi.Tests.Support;

namespace Envoi.Tests.Cli;

/// <summary>
/// <c>envoi users set|remove</c> and <c>--json</c> on the list verbs, run as the published binary
/// would be: every refusal exits non-zero with its sentence on standard error and changes nothing.
/// </summary>
public sealed class UsersCliTests
{
    [Fact]
    public async Task Users_set_and_remove_change_one_account_and_refuse_with_a_sentence_on_stderr()
    {
        var data = TempDirectory.Create("envoi-users-cli");
        try
        {
            Assert.Equal(0, (await RunAsync(data, "users", "add", "alice@example.com", "--password", "alice-password", "--admin")).Exit);
            Assert.Equal(0, (await RunAsync(data, "users", "add", "bob@example.com", "--password", "bob-password")).Exit);

            var set = await RunAsync(data, "users", "set", "bob@example.com", "--hold", "45", "--role", "marketing", "--password", "new-bob-password");
            Assert.Equal(0, set.Exit);
            Assert.Contains("bob@example.com: marketing, enabled, undo window 45 s, password changed.", set.Out);
            Assert.Equal((45, "marketing", false), Bob(await ListAsync(data)));

            Assert.Equal(0, (await RunAsync(data, "users", "set", "bob@example.com", "--hold", "default", "--disable")).Exit);
            Assert.Equal((null, "marketing", true), Bob(await ListAsync(data)));
            Assert.Contains("disabled", (await RunAsync(data, "users", "list")).Out);

            var refusals = new (string[] Arguments, string Sentence)[]
            {
                (["users", "set", "bob@example.com"], "Nothing to change"),
                (["users", "set", "bob@example.com", "--disable", "--enable"], "not both"),
                (["users", "set", "bob@example.com", "--hold", "soon"], "neither a number of seconds nor 'default'"),
                (["users", "set", "bob@example.com", "--role", "owner"], "'owner' is not a role"),
                (["users", "set", "bob@example.com", "--password", "short"], "at least 8 characters"),
                (["users", "set", "nobody@example.com", "--enable"], "No user nobody@example.com"),
                (["users", "set", "alice@example.com", "--role", "employee"], "last enabled administrator"),
                (["users", "set", "alice@example.com", "--disable"], "last enabled administrator"),
                (["users", "remove", "alice@example.com"], "last enabled administrator"),
                (["users", "remove", "nobody@example.com"], "No user nobody@example.com"),
                (["users", "add", "bob@example.com", "--password", "bob-password"], "already exists"),
                (["users", "role", "bob@example.com", "owner"], "'owner' is not a role"),
            };
            foreach (var (arguments, sentence) in refusals)
            {
                var refused = await RunAsync(data, arguments);
                Assert.True(refused.Exit != 0, $"envoi {string.Join(' ', arguments)} exited 0");
                Assert.Contains(sentence, refused.Err);
                Assert.Equal("", refused.Out);
            }
            Assert.Equal((null, "marketing", true), Bob(await ListAsync(data))); // nothing changed

            var removed = await RunAsync(data, "users", "remove", "bob@example.com");
            Assert.Equal((0, "Removed bob@example.com.\n"), (removed.Exit, removed.Out));
            Assert.Equal(["alice@example.com"], (await ListAsync(data)).EnumerateArray().Select(u => u.GetProperty("email").GetString()));
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public async Task Every_list_verb_speaks_json()
    {
        var data = TempDirectory.Create("envoi-list-json");
        try
        {
            Assert.Equal(0, (await RunAsync(data, "dkim", "keygen", "--domain", "example.com", "--selector", "s1")).Exit);
            var keys = await JsonOfAsync(data, "dkim", "list", "--json");
            var key = Assert.Single(keys.EnumerateArray());
            Assert.Equal(("example.com", "s1"), (key.GetProperty("domain").GetString(), key.GetProperty("selector").GetString()));
            Assert.Contains("v=DKIM1", key.GetProperty("txtRecord").GetString());

            Assert.Equal(0, (await JsonOfAsync(data, "campaigns", "list", "--json")).GetArrayLength());
            foreach (var verb in new[] { new[] { "users", "list" }, ["signatures", "list"], ["checks", "list"], ["outbox", "list"], ["captured", "list"], ["signatures", "assets", "list"] })
                await JsonOfAsync(data, [.. verb, "--json"]);
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    private static (int? Hold, string? Role, bool Disabled) Bob(JsonElement users)
    {
        var bob = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == "bob@example.com");
        var hold = bob.GetProperty("holdSeconds");
        return (hold.ValueKind == JsonValueKind.Null ? null : hold.GetInt32(), bob.GetProperty("role").GetString(), bob.GetProperty("disabled").GetBoolean());
    }

    private static Task<JsonElement> ListAsync(string data) => JsonOfAsync(data, "users", "list", "--json");

    private static async Task<JsonElement> JsonOfAsync(string data, params string[] arguments)
    {
        var (exit, output, error) = await RunAsync(data, arguments);
        Assert.True(exit == 0, $"envoi {string.Join(' ', arguments)}: {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>Standard output and standard error apart: refusals must go to the second.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunAsync(string data, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [EnvoiCli.AssemblyPath, .. arguments, "--data", data]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
