using System.Text.Json;
using System.Text.Json.Nodes;
using Envoi.Core.Users;
using Envoi.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Envoi.Web.Users;

/// <summary>
/// <c>/api/users</c>: administrators manage who may sign in and send (the same <see cref="UserAccounts"/>
/// as <c>envoi users</c> and the console's employee page, audited alike).
/// </summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").RequireAuthorization(p => p.RequireRole(ApiTokenAuthentication.AdminRole)).WithTags("Users");

        group.MapGet("", async (IUserStore store, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(ct)).Select(UserDto.Of)));

        group.MapGet("/{email}", async (IUserStore store, string email, CancellationToken ct) =>
            await store.FindByEmailAsync(email, ct) is { } user ? Results.Ok(UserDto.Of(user)) : Results.NotFound(new UserErrorDto($"No user {email}.")));

        group.MapPost("", async (HttpContext http, UserAccounts accounts, NewUserRequest? request, CancellationToken ct) =>
        {
            if (request?.Email is null || request.Password is null)
                return Results.BadRequest(new UserErrorDto("Send {\"email\", \"password\", \"role\"?: employee|marketing|admin, \"holdSeconds\"?}."));
            return ToHttp(await accounts.AddAsync(Actor(http), request.Email, request.Password, request.Role ?? UserRoles.Employee, request.HoldSeconds, ct), created: true);
        });

        group.MapPatch("/{email}", async (HttpContext http, UserAccounts accounts, string email, JsonObject? body, CancellationToken ct) =>
        {
            var (change, problem) = ParseChange(body);
            return change is null ? Results.BadRequest(new UserErrorDto(problem!)) : ToHttp(await accounts.UpdateAsync(Actor(http), email, change, ct));
        });

        group.MapDelete("/{email}", async (HttpContext http, UserAccounts accounts, string email, CancellationToken ct) =>
            await accounts.RemoveAsync(Actor(http), email, ct) is { User: null } refused ? ToHttp(refused) : Results.NoContent());

        return app;
    }

    /// <summary>Reads a PATCH body: a property left out stays as it is; <c>"holdSeconds": null</c> means the organization default.</summary>
    internal static (AccountChange? Change, string? Problem) ParseChange(JsonObject? body)
    {
        const string Shape = "Send a JSON object with any of \"password\", \"role\" (employee|marketing|admin), \"holdSeconds\" (seconds or null for the default), \"disabled\" (true|false).";
        if (body is null) return (null, Shape);
        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("password" or "role" or "holdSeconds" or "disabled")) is { } unknown)
            return (null, $"Unknown property '{unknown}'. {Shape}");
        try
        {
            Change<int?>? hold = body.TryGetPropertyValue("holdSeconds", out var holdNode) ? new Change<int?>(holdNode?.GetValue<int>()) : null;
            return (new AccountChange(body["password"]?.GetValue<string>(), body["role"]?.GetValue<string>(), hold, body["disabled"]?.GetValue<bool>()), null);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            return (null, $"A property has the wrong type. {Shape}");
        }
    }

    private static IResult ToHttp(UserResult result, bool created = false) => result switch
    {
        { User: { } user } when created => Results.Created($"/api/users/{Uri.EscapeDataString(user.Email)}", UserDto.Of(user)),
        { User: { } user } => Results.Ok(UserDto.Of(user)),
        { Refusal: UserRefusal.NotFound } => Results.NotFound(new UserErrorDto(result.Error!)),
        { Refusal: UserRefusal.Conflict } => Results.Conflict(new UserErrorDto(result.Error!)),
        _ => Results.BadRequest(new UserErrorDto(result.Error!)),
    };

    private static string Actor(HttpContext http) => http.User.Email() is { Length: > 0 } email ? email : "api";
}

public sealed record UserDto(string Email, string Role, int? HoldSeconds, bool Disabled, IReadOnlyList<string> Aliases)
{
    public static UserDto Of(EnvoiUser user) => new(user.Email, user.Role, user.HoldSeconds, user.Disabled, user.Aliases);
}

public sealed record NewUserRequest(string? Email, string? Password, string? Role, int? HoldSeconds);

public sealed record UserErrorDto(string Error);
