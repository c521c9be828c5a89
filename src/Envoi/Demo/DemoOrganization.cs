using System.Net;
using System.Security.Cryptography;
using Envoi.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Demo;

/// <summary>
/// <c>envoi serve --demo</c>: an administrator and an employee with API tokens, printed with the
/// commands to try, so a first run shows the undo window and the outbox at work.
/// </summary>
public static class DemoOrganization
{
    public const string AdminEmail = "admin@example.com";
    public const string EmployeeEmail = "alice@example.com";

    public static async Task CreateAsync(IServiceProvider services, IPEndPoint smtp, Uri http, CancellationToken ct)
    {
        var accounts = services.GetRequiredService<UserAccounts>();
        var adminPassword = await EnsureUserAsync(accounts, AdminEmail, isAdmin: true, holdSeconds: null, ct);
        var alicePassword = await EnsureUserAsync(accounts, EmployeeEmail, isAdmin: false, holdSeconds: 30, ct);
        var adminToken = await accounts.CreateTokenAsync(AdminEmail, "demo", ct);
        var aliceToken = await accounts.CreateTokenAsync(EmployeeEmail, "demo", ct);

        Console.WriteLine($"""

            Demo organization
              administrator  {AdminEmail}  password: {adminPassword}  API token: {adminToken}
              employee       {EmployeeEmail}  password: {alicePassword}  API token: {aliceToken}  (30 s undo window)

            Send a message as Alice (held 30 s), then look at her outbox and cancel it:
              swaks --server {smtp.Address}:{smtp.Port} --auth PLAIN --auth-user {EmployeeEmail} --auth-password '{alicePassword}' --from {EmployeeEmail} --to bob@example.net
              curl -H 'Authorization: Bearer {aliceToken}' {http}api/outbox
              curl -X POST -H 'Authorization: Bearer {aliceToken}' {http}api/outbox/QUEUE_ID/cancel
            """);
    }

    private static async Task<string> EnsureUserAsync(UserAccounts accounts, string email, bool isAdmin, int? holdSeconds, CancellationToken ct)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var result = await accounts.AddAsync(email, password, isAdmin, holdSeconds, ct);
        return result.User is not null ? password : "(unchanged since the first demo run)";
    }
}
