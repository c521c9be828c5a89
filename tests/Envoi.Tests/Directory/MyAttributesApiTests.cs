using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary>Self-edit rights through the real API: what an employee may change, what they may not, and the audit trail.</summary>
public sealed class MyAttributesApiTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;
    private HttpClient _alice = null!, _admin = null!, _stranger = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync();
        (_, _alice) = await _envoi.AddUserAsync("alice@example.com");
        (_, _admin) = await _envoi.AddUserAsync("admin@example.com", admin: true);
        (_, _stranger) = await _envoi.AddUserAsync("stranger@example.com");
        var put = await _admin.PutAsJsonAsync("/api/directory/employees/alice@example.com",
            new Dictionary<string, string> { ["displayName"] = "Alice Martin", ["jobTitle"] = "CFO", ["mobile"] = "+33 6 00 00 00 00" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task<JsonElement> MineAsync(string name) =>
        (await _alice.GetFromJsonAsync<JsonElement>("/api/me/attributes")).EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Employee_edits_a_permitted_attribute_as_an_override()
    {
        var response = await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["mobile"] = "+33 6 11 22 33 44" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var mobile = await MineAsync("mobile");
        Assert.Equal("+33 6 11 22 33 44", mobile.GetProperty("effective").GetString());
        Assert.Equal("+33 6 00 00 00 00", mobile.GetProperty("directoryValue").GetString()); // the directory itself is untouched
        Assert.Equal("alice@example.com", mobile.GetProperty("override").GetProperty("setBy").GetString());

        var audit = await _admin.GetFromJsonAsync<JsonElement>("/api/audit?subject=alice@example.com");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "override.set" && e.GetProperty("details").GetString()!.Contains("+33 6 11 22 33 44"));
    }

    [Fact]
    public async Task Forbidden_attribute_is_refused_and_nothing_else_is_applied()
    {
        var response = await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["mobile"] = "+33 6 55 55 55 55", ["jobTitle"] = "CEO" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Job title comes from the company directory", body.GetProperty("problems")[0].GetString());
        Assert.Equal("+33 6 00 00 00 00", (await MineAsync("mobile")).GetProperty("effective").GetString());
        Assert.Equal("CFO", (await MineAsync("jobTitle")).GetProperty("effective").GetString());
    }

    [Fact]
    public async Task Invalid_value_is_refused_with_the_reason()
    {
        var response = await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["linkedin"] = "javascript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a web address", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Revoked_right_hides_the_override_and_restoring_it_brings_it_back()
    {
        await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["mobile"] = "+33 6 11 22 33 44" });

        Assert.Equal(HttpStatusCode.OK, (await _admin.PutAsJsonAsync("/api/directory/attributes/mobile/right", new { right = "readOnly" })).StatusCode);
        var mobile = await MineAsync("mobile");
        Assert.Equal("+33 6 00 00 00 00", mobile.GetProperty("effective").GetString());
        Assert.False(mobile.GetProperty("override").GetProperty("applies").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["mobile"] = "+33 6 77 77 77 77" })).StatusCode);

        await _admin.PutAsJsonAsync("/api/directory/attributes/mobile/right", new { right = "editable" });
        Assert.Equal("+33 6 11 22 33 44", (await MineAsync("mobile")).GetProperty("effective").GetString());
    }

    [Fact]
    public async Task Hidden_attributes_are_not_shown_to_employees()
    {
        await _admin.PutAsJsonAsync("/api/directory/attributes/jobTitle/right", new { right = "hidden" });
        var mine = await _alice.GetFromJsonAsync<JsonElement>("/api/me/attributes");
        Assert.DoesNotContain(mine.EnumerateArray(), a => a.GetProperty("name").GetString() == "jobTitle");
        // Signatures still see the directory value.
        var values = await _envoi.Get<DirectoryService>().EffectiveValuesAsync("alice@example.com", default);
        Assert.Equal("CFO", values!["jobTitle"]);
    }

    [Fact]
    public async Task Custom_attribute_defined_by_the_admin_is_validated_and_editable()
    {
        var define = await _admin.PostAsJsonAsync("/api/directory/attributes", new { name = "deskNumber", label = "Desk", type = "text", right = "editable", pattern = "[A-Z][0-9]{3}" });
        Assert.Equal(HttpStatusCode.OK, define.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["deskNumber"] = "12" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _alice.PutAsJsonAsync("/api/me/attributes", new Dictionary<string, string> { ["deskNumber"] = "B204" })).StatusCode);
        Assert.Equal("B204", (await MineAsync("deskNumber")).GetProperty("effective").GetString());

        var clash = await _admin.PostAsJsonAsync("/api/directory/attributes", new { name = "jobTitle", label = "Title" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
    }

    [Fact]
    public async Task Admin_keeps_static_groups_that_employees_see()
    {
        var created = await (await _admin.PostAsJsonAsync("/api/directory/groups", new { name = "Board" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Conflict, (await _admin.PostAsJsonAsync("/api/directory/groups", new { name = "Board" })).StatusCode);
        var bad = await _admin.PostAsJsonAsync($"/api/directory/groups/{id}/members", new { add = new[] { "alice@example.com", "nobody@example.com" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty((await _envoi.Get<IDirectoryStore>().FindAsync("alice@example.com", default))!.Groups);
        var ok = await _admin.PostAsJsonAsync($"/api/directory/groups/{id}/members", new { add = new[] { "alice@example.com" } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(["Board"], (await _envoi.Get<IDirectoryStore>().FindAsync("alice@example.com", default))!.Groups);
        Assert.Equal(HttpStatusCode.Forbidden, (await _alice.GetAsync("/api/directory/groups")).StatusCode);
    }

    [Fact]
    public async Task Employees_cannot_use_admin_endpoints_and_strangers_are_not_in_the_directory()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _alice.GetAsync("/api/directory/employees")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _alice.PutAsJsonAsync("/api/directory/attributes/jobTitle/right", new { right = "editable" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _alice.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _stranger.GetAsync("/api/me/attributes")).StatusCode);
    }
}
