using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Envoi.Core.Directory;
using Envoi.Core.Users;
using Envoi.Tests.Support;

namespace Envoi.Tests.DirectoryTests;

/// <summary>
/// SCIM 2.0 through the real app, replaying the request sequences Microsoft Entra ID and Okta
/// document for their provisioning connectors (create, look up, update, disable, delete).
/// </summary>
public sealed class ScimTests : IAsyncLifetime
{
    private EnvoiTestHost _envoi = null!;
    private HttpClient _scim = null!;

    public async Task InitializeAsync()
    {
        _envoi = await EnvoiTestHost.StartAsync();
        var token = ApiToken.Generate();
        await _envoi.Get<IServiceTokenStore>().AddAsync(ServiceTokenPurposes.Scim, "test", ApiToken.HashOf(token), default);
        _scim = new HttpClient { BaseAddress = new Uri(_envoi.Http.BaseAddress!, "/scim/v2/") };
        _scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync() => await _envoi.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/scim+json");
        using var response = await _scim.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length > 0) Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private Task<Employee?> FindAsync(string email) => _envoi.Get<IDirectoryStore>().FindAsync(email, default);

    [Fact]
    public async Task Entra_id_user_lifecycle()
    {
        // 1. Look up before create: zero results.
        var (status, list) = await SendAsync(HttpMethod.Get, "Users?filter=userName eq \"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1\"");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, list.GetProperty("totalResults").GetInt32());

        // 2. Create (Entra's UPN-style userName is not an email: the primary work email keys the employee).
        var (created, user) = await SendAsync(HttpMethod.Post, "Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1","active":true,
             "emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@testuser.com"}],"meta":{"resourceType":"User"},
             "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},"roles":[],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Finance","division":"Envoi France"}}
            """);
        Assert.Equal(HttpStatusCode.Created, created);
        var id = user.GetProperty("id").GetString()!;
        Assert.Equal("Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1", user.GetProperty("userName").GetString());
        var employee = await FindAsync("test_user_fd0ea19b@testuser.com");
        Assert.Equal("Finance", employee!["department"]);
        Assert.Equal("Envoi France", employee["subsidiary"]);
        Assert.Equal("givenName", employee["firstName"]);

        // 3. Same user again: uniqueness conflict.
        var (conflict, error) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1","emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b@testuser.com"}]}""");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("uniqueness", error.GetProperty("scimType").GetString());

        // 4. Look up by userName and by id.
        (_, list) = await SendAsync(HttpMethod.Get, "Users?filter=userName eq \"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1\"");
        Assert.Equal(id, list.GetProperty("Resources")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"Users/{id}")).Status);

        // 5. Update multi-valued and single-valued properties.
        var (patched, updated) = await SendAsync(HttpMethod.Patch, $"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"updatedEmail@testuser.com"},
              {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"},
              {"op":"Add","path":"title","value":"Controller"},
              {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Audit"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal("updatedEmail@testuser.com", updated.GetProperty("emails")[0].GetProperty("value").GetString(), ignoreCase: true);
        employee = await FindAsync("updatedemail@testuser.com");
        Assert.Equal(("updatedFamilyName", "Controller", "Audit", "Envoi France"), (employee!["lastName"], employee["jobTitle"], employee["department"], employee["subsidiary"]));

        // 6. Manager by id, then removed.
        var (_, boss) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"boss@testuser.com","displayName":"The Boss"}""");
        var bossId = boss.GetProperty("id").GetString();
        await SendAsync(HttpMethod.Patch, $"Users/{id}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{bossId}}"}]}""");
        Assert.Equal("boss@testuser.com", (await FindAsync("updatedemail@testuser.com"))!["manager"]);
        var (_, withManager) = await SendAsync(HttpMethod.Get, $"Users/{id}");
        Assert.Equal(bossId, withManager.GetProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").GetProperty("manager").GetProperty("value").GetString());
        await SendAsync(HttpMethod.Patch, $"Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]}""");
        Assert.Null((await FindAsync("updatedemail@testuser.com"))!["manager"]);

        // 7. Disable (Entra has sent the boolean as a string).
        var (disabled, _) = await SendAsync(HttpMethod.Patch, $"Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        Assert.Equal(HttpStatusCode.OK, disabled);
        Assert.False((await FindAsync("updatedemail@testuser.com"))!.Active);

        // 8. Delete, then it is gone.
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"Users/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"Users/{id}")).Status);
        Assert.Null(await FindAsync("updatedemail@testuser.com"));
        var audit = await _envoi.Get<IAuditLog>().ListAsync(new AuditQuery(Subject: "updatedemail@testuser.com", Limit: 50), default);
        Assert.Contains(audit, e => e.Action == "employee.deleted");
        Assert.Contains(audit, e => e.Action == "employee.deactivated");
    }

    [Fact]
    public async Task Entra_id_group_lifecycle()
    {
        var (_, alice) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@contoso.com"}""");
        var aliceId = alice.GetProperty("id").GetString();
        var (created, group) = await SendAsync(HttpMethod.Post, "Groups", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group"],
             "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"Finance","meta":{"resourceType":"Group"}}
            """);
        Assert.Equal(HttpStatusCode.Created, created);
        var id = group.GetProperty("id").GetString();

        var (_, found) = await SendAsync(HttpMethod.Get, "Groups?excludedAttributes=members&filter=displayName eq \"Finance\"");
        Assert.Equal(1, found.GetProperty("totalResults").GetInt32());
        Assert.False(found.GetProperty("Resources")[0].TryGetProperty("members", out _));

        await SendAsync(HttpMethod.Patch, $"Groups/{id}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"{{aliceId}}"}]}]}""");
        Assert.Equal(["Finance"], (await FindAsync("alice@contoso.com"))!.Groups);

        await SendAsync(HttpMethod.Patch, $"Groups/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"Finance EMEA"}]}""");
        await SendAsync(HttpMethod.Patch, $"Groups/{id}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"{{aliceId}}"}]}]}""");
        var (_, after) = await SendAsync(HttpMethod.Get, $"Groups/{id}");
        Assert.Equal("Finance EMEA", after.GetProperty("displayName").GetString());
        Assert.Equal(0, after.GetProperty("members").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"Groups/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, $"Groups/{id}")).Status);
    }

    [Fact]
    public async Task Okta_user_and_group_lifecycle()
    {
        var (_, none) = await SendAsync(HttpMethod.Get, "Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100");
        Assert.Equal(0, none.GetProperty("totalResults").GetInt32());

        var (created, user) = await SendAsync(HttpMethod.Post, "Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},"emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],"password":"1mz050nq","active":true}
            """);
        Assert.Equal(HttpStatusCode.Created, created);
        var id = user.GetProperty("id").GetString();
        Assert.False(user.TryGetProperty("password", out _));
        Assert.Equal("en-US", (await FindAsync("test.user@okta.local"))!["preferredLanguage"]);

        // Okta updates profiles with PUT (the whole user).
        var (put, replaced) = await SendAsync(HttpMethod.Put, $"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"ignored","userName":"test.user@okta.local",
             "name":{"givenName":"Another","familyName":"User"},"emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Another User","active":true,"phoneNumbers":[{"value":"+1 555 0100","type":"mobile"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, put);
        Assert.Equal("Another User", replaced.GetProperty("displayName").GetString());
        var employee = await FindAsync("test.user@okta.local");
        Assert.Equal(("Another", "+1 555 0100", null), (employee!["firstName"], employee["mobile"], employee["preferredLanguage"]));

        // Deactivation: a patch without a path.
        var (patched, _) = await SendAsync(HttpMethod.Patch, $"Users/{id}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.False((await FindAsync("test.user@okta.local"))!.Active);

        // Groups: create, rename without a path, add and remove members by filter.
        var (_, group) = await SendAsync(HttpMethod.Post, "Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}""");
        var groupId = group.GetProperty("id").GetString();
        await SendAsync(HttpMethod.Patch, $"Groups/{groupId}", $$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{{{groupId}}}","displayName":"Test SCIMv2 2"}}]}""");
        await SendAsync(HttpMethod.Patch, $"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}","display":"test.user@okta.local"}]}]}""");
        Assert.Equal(["Test SCIMv2 2"], (await FindAsync("test.user@okta.local"))!.Groups);
        await SendAsync(HttpMethod.Patch, $"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{id}}\"]"}]}""");
        Assert.Empty((await FindAsync("test.user@okta.local"))!.Groups);
    }

    [Fact]
    public async Task Provisioning_keeps_admin_values_and_employee_overrides()
    {
        var (_, user) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"keep@contoso.com","title":"Analyst","phoneNumbers":[{"value":"+33 1 00 00 00 00","type":"work"}]}""");
        var directory = _envoi.Get<DirectoryService>();
        await directory.SetDirectoryValuesAsync("admin", "keep@contoso.com", new Dictionary<string, string?> { ["bookingUrl"] = "https://cal.example.com/keep" }, default);
        Assert.True((await directory.UpdateMyAttributesAsync("keep@contoso.com", new Dictionary<string, string?> { ["phone"] = "+33 1 99 99 99 99" }, default)).Succeeded);

        await SendAsync(HttpMethod.Put, $"Users/{user.GetProperty("id").GetString()}", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"keep@contoso.com","title":"Senior Analyst","phoneNumbers":[{"value":"+33 1 11 11 11 11","type":"work"}]}""");
        var values = await directory.EffectiveValuesAsync("keep@contoso.com", default);
        Assert.Equal(("Senior Analyst", "https://cal.example.com/keep", "+33 1 99 99 99 99"), (values!["jobTitle"], values["bookingUrl"], values["phone"]));
    }

    [Fact]
    public async Task Secondary_emails_become_aliases_and_cannot_be_claimed_twice()
    {
        var (created, user) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"dana@contoso.com","emails":[{"value":"dana@contoso.com","type":"work","primary":true},{"value":"d.smith@contoso.com","type":"other"}]}""");
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("dana@contoso.com", (await FindAsync("d.smith@contoso.com"))!.Email);
        Assert.Equal(2, user.GetProperty("emails").GetArrayLength());
        var (conflict, _) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"eve@contoso.com","emails":[{"value":"d.smith@contoso.com","type":"other"}]}""");
        Assert.Equal(HttpStatusCode.Conflict, conflict);
    }

    [Theory]
    [InlineData("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"userName":"x@contoso.com"}""", "invalidSyntax")]
    [InlineData("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":42}""", "invalidValue")]
    [InlineData("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@contoso.com","active":"maybe"}""", "invalidValue")]
    [InlineData("Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"x@contoso.com","phoneNumbers":[{"value":"not a phone","type":"work"}]}""", "invalidValue")]
    [InlineData("Users", "[1,2,3]", "invalidSyntax")]
    [InlineData("Users", "{not json", "invalidSyntax")]
    [InlineData("Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"]}""", "invalidValue")]
    public async Task Bad_bodies_get_scim_errors_and_change_nothing(string resource, string body, string scimType)
    {
        var (status, error) = await SendAsync(HttpMethod.Post, resource, body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(scimType, error.GetProperty("scimType").GetString());
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:Error", error.GetProperty("schemas")[0].GetString());
        Assert.Empty(await _envoi.Get<IDirectoryStore>().SnapshotAsync(default));
    }

    [Fact]
    public async Task Unsupported_filter_bad_patch_and_missing_token_are_refused()
    {
        Assert.Equal("invalidFilter", (await SendAsync(HttpMethod.Get, "Users?filter=title co \"x\"")).Body.GetProperty("scimType").GetString());
        var (_, user) = await SendAsync(HttpMethod.Post, "Users", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"p@contoso.com"}""");
        var (status, error) = await SendAsync(HttpMethod.Patch, $"Users/{user.GetProperty("id").GetString()}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"explode","path":"title","value":"x"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Unknown operation", error.GetProperty("detail").GetString());

        using var anonymous = new HttpClient { BaseAddress = _scim.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("Users")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "envoi_wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("ServiceProviderConfig")).StatusCode);
    }

    [Fact]
    public async Task Discovery_documents_and_pagination()
    {
        Assert.True((await SendAsync(HttpMethod.Get, "ServiceProviderConfig")).Body.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.Equal(2, (await SendAsync(HttpMethod.Get, "ResourceTypes")).Body.GetProperty("totalResults").GetInt32());
        Assert.Equal(3, (await SendAsync(HttpMethod.Get, "Schemas")).Body.GetProperty("totalResults").GetInt32());
        for (var i = 0; i < 5; i++)
            await SendAsync(HttpMethod.Post, "Users", $$$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"u{{{i}}}@contoso.com"}""");
        var (_, page) = await SendAsync(HttpMethod.Get, "Users?startIndex=3&count=2");
        Assert.Equal((5, 3, 2), (page.GetProperty("totalResults").GetInt32(), page.GetProperty("startIndex").GetInt32(), page.GetProperty("itemsPerPage").GetInt32()));
        Assert.Equal("u2@contoso.com", page.GetProperty("Resources")[0].GetProperty("userName").GetString());
    }
}
