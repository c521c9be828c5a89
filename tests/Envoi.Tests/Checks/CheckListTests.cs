using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Checks;
using Envoi.Core.Checks.Catalog;
using Envoi.Tests.Support;
using Xunit;

namespace Envoi.Tests.Checks;

/// <summary>The checks are one list: the API, the CLI and the console enumerate it, and a policy naming a check outside it is refused.</summary>
public sealed class CheckListTests
{
    private static readonly string[] Ids =
    [
        "forgotten-attachment", "lookalike-domain", "first-time-recipient", "sensitive-data", "empty-subject",
        "many-recipients", "mixed-recipients", "external-recipients", "message-size", "missing-signature",
    ];

    [Fact]
    public void Every_check_has_a_unique_id_an_english_sentence_and_a_description()
    {
        var checks = CheckList.Create(new CheckOptions(), new NoHistory(), null);
        Assert.Equal(Ids, checks.Select(c => c.Id));
        foreach (var check in checks)
        {
            Assert.True(check.Sentences.ContainsKey("en"), check.Id);
            Assert.False(string.IsNullOrWhiteSpace(check.Description), check.Id);
        }
    }

    [Fact]
    public async Task The_api_lists_every_check_with_its_action_for_everyone_and_per_group()
    {
        await using var envoi = await EnvoiTestHost.StartAsync(s =>
        {
            s.Checks.Actions[EmptySubjectCheck.Id] = CheckAction.Warn;
            s.Checks.Groups["Legal"] = new() { [SensitiveDataCheck.Id] = CheckAction.Refuse };
        });
        var (_, admin) = await envoi.AddUserAsync("root@example.com", admin: true);
        var lines = await admin.GetFromJsonAsync<JsonElement>("/api/checks");
        Assert.Equal(Ids, lines.EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        var empty = lines.EnumerateArray().Single(l => l.GetProperty("id").GetString() == EmptySubjectCheck.Id);
        Assert.Equal("log", empty.GetProperty("defaultAction").GetString());
        Assert.Equal("warn", empty.GetProperty("action").GetString());
        var sensitive = lines.EnumerateArray().Single(l => l.GetProperty("id").GetString() == SensitiveDataCheck.Id);
        Assert.Equal("refuse", sensitive.GetProperty("groups").GetProperty("Legal").GetString());

        var (_, employee) = await envoi.AddUserAsync("amy@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync("/api/checks")).StatusCode);
    }

    [Fact]
    public async Task The_cli_lists_the_checks_as_a_table_and_as_json()
    {
        await using var envoi = await EnvoiTestHost.StartAsync();
        var (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "checks", "list", "--json");
        Assert.Equal(0, exit);
        var lines = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Ids, lines.EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        Assert.Equal("hold", lines[0].GetProperty("action").GetString());

        (exit, output) = await EnvoiCli.RunAsync(envoi.Settings, "checks", "list");
        Assert.Equal(0, exit);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("forgotten-attachment") && l.Contains(" hold "));
    }

    [Fact]
    public async Task A_policy_naming_an_unknown_check_is_refused_with_the_list_of_checks()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => EnvoiTestHost.StartAsync(s => s.Checks.Groups["Sales"] = new() { ["forgoten-attachment"] = CheckAction.Off }));
        Assert.Contains("Checks:Groups:Sales:forgoten-attachment is not a send-safety check", error.Message);
        Assert.Contains("forgotten-attachment, lookalike-domain", error.Message);
    }

    private sealed class NoHistory : IMailHistory
    {
        public Task<IReadOnlyCollection<string>> KnownDomainsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyCollection<string>>([]);
        public Task<IReadOnlyDictionary<string, int>> ContactsOfAsync(string sender, CancellationToken ct) => Task.FromResult<IReadOnlyDictionary<string, int>>(new Dictionary<string, int>());
    }
}
