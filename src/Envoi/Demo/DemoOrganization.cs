using System.Net;
using System.Security.Cryptography;
using Envoi.Core.Directory;
using Envoi.Core.Signatures.Model;
using Envoi.Core.Signatures;
using Envoi.Core.Signatures.Rules;
using Envoi.Core.Signatures.Templates;
using Envoi.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Demo;

/// <summary>
/// <c>envoi serve --demo</c>: an administrator and an employee with API tokens, printed with the
/// commands to try, so a first run shows the undo window, the outbox and signatures at work:
/// both are in the directory, the three default templates and a logo are loaded, and rules give
/// customers the full signature, replies the one-line one and colleagues the plain one.
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
        await CreateSignaturesAsync(services, ct);
        var firstRun = await DemoTraffic.CreateCampaignAsync(services, ct);
        var adminToken = await accounts.CreateTokenAsync("demo", AdminEmail, "demo", ct);
        var aliceToken = await accounts.CreateTokenAsync("demo", EmployeeEmail, "demo", ct);

        Console.WriteLine($"""

            Demo organization
              administrator  {AdminEmail}  password: {adminPassword}  API token: {adminToken}
              employee       {EmployeeEmail}  password: {alicePassword}  API token: {aliceToken}  (30 s undo window)

            Web console: {http}login (sign in as either; the employee portal is at /portal, the admin pages at /admin)

            Send a message as Alice (held 30 s), then look at her outbox and cancel it:
              swaks --server {smtp.Address}:{smtp.Port} --auth PLAIN --auth-user {EmployeeEmail} --auth-password '{alicePassword}' --from {EmployeeEmail} --to bob@example.net
              curl -H 'Authorization: Bearer {aliceToken}' {http}api/outbox
              curl -X POST -H 'Authorization: Bearer {aliceToken}' {http}api/outbox/QUEUE_ID/cancel

            Campaign 'winter-webinar' puts a banner under signatures to external recipients; statistics: {http}marketing/statistics
            See the signature Alice's message gets, and why (or: envoi render {EmployeeEmail} --to bob@example.net --explain):
              curl -H 'Authorization: Bearer {adminToken}' '{http}api/signatures/preview?email={EmployeeEmail}&to=bob@example.net'
            """);
        if (firstRun && !adminPassword.StartsWith('('))
        {
            // In the background: the server is already answering; the clicks wait out the bot window.
            _ = Task.Run(async () =>
            {
                try
                {
                    await DemoTraffic.SendAndClickAsync(services, smtp, http, AdminEmail, adminPassword, ct);
                    Console.WriteLine("Demo traffic: 4 messages sent as the admin (captured in the data directory) and 3 of their signature links clicked.");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Console.Error.WriteLine($"Demo traffic could not be created: {e.Message}");
                }
            }, ct);
        }
    }

    // A small two-tone mark (PNG, 120×32) so the corporate template shows a logo out of the box.
    private const string LogoPng = "iVBORw0KGgoAAAANSUhEUgAAAHgAAAAgCAYAAADZubxIAAAAyUlEQVR42u3byw3CMBBAwXRCR9QD3VAOXRmBhMQBoQD+rNdzeOeVPCSA42yllE15swiAtTTw4XguFjIp8B33mcVMBvyKCzkZ8DtcyEmAP+FCnhx4Dy7kSYG/wYU8GfAvuLWQ/5m9cruBaw4DHAy4xUDAQYBbDgU8GLjHYA36kdXz06XOwCNuIXIFq/b/4Ei4p8u1rFS3jY4oVy7ghjtZEW7LgBtvVY7+zgWcfC9anibJ82DATnQAdibLqUoL6ly0vNkg7yYJsB7dAGX91NC+iSUqAAAAAElFTkSuQmCC";

    private static async Task CreateSignaturesAsync(IServiceProvider services, CancellationToken ct)
    {
        var directory = services.GetRequiredService<DirectoryService>();
        var people = new[]
        {
            (EmployeeEmail, new Dictionary<string, string?> { ["displayName"] = "Alice Martin", ["firstName"] = "Alice", ["lastName"] = "Martin", ["jobTitle"] = "Account Manager",
                ["department"] = "Sales", ["company"] = "Example Corp", ["phone"] = "+1 212 555 0142", ["mobile"] = "+1 917 555 0199",
                ["officeAddress"] = "350 Fifth Avenue, New York, NY 10118", ["linkedin"] = "https://www.linkedin.com/in/alice-example", ["bookingUrl"] = "https://example.com/book/alice" }),
            (AdminEmail, new Dictionary<string, string?> { ["displayName"] = "Sam Admin", ["jobTitle"] = "IT Administrator", ["department"] = "IT", ["company"] = "Example Corp" }),
        };
        foreach (var (email, values) in people)
        {
            var result = await directory.SetDirectoryValuesAsync("demo", email, values, ct);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo directory: {string.Join("; ", result.Problems)}");
        }

        await services.GetRequiredService<ISignatureAssetStore>().SaveAsync(new SignatureAsset("logo.png", "image/png", Convert.FromBase64String(LogoPng)), ct);
        var admin = services.GetRequiredService<SignatureAdministration>();
        foreach (var template in DefaultTemplates.All)
        {
            var (result, _) = await admin.SaveTemplateAsync("demo", template, ct);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo template {template.Name}: {string.Join("; ", result.Problems)}");
        }
        var rules = await admin.SaveRulesAsync("demo",
        [
            new SignatureRule("Colleagues", new RuleConditions { Recipients = RecipientScope.AllInternal }, new RuleOutcome(DefaultTemplates.Plain.Name)),
            new SignatureRule("Replies and forwards", new RuleConditions { Kinds = [MessageKind.Reply, MessageKind.Forward] }, new RuleOutcome(DefaultTemplates.Reply.Name)),
            new SignatureRule("Customers", new RuleConditions(), new RuleOutcome(DefaultTemplates.Corporate.Name, BannerSlot: "footer")),
        ], ct);
        if (!rules.Succeeded) throw new InvalidOperationException($"Demo rules: {string.Join("; ", rules.Problems)}");
    }

    private static async Task<string> EnsureUserAsync(UserAccounts accounts, string email, bool isAdmin, int? holdSeconds, CancellationToken ct)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var result = await accounts.AddAsync("demo", email, password, isAdmin, holdSeconds, ct);
        return result.User is not null ? password : "(unchanged since the first demo run)";
    }
}
