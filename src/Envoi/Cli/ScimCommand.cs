using System.CommandLine;
using Envoi.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Envoi.Cli;

/// <summary><c>envoi scim token</c>: the secret an identity provider uses to provision employees.</summary>
public static class ScimCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Which connector the token is for (e.g. entra, okta).", DefaultValueFactory = _ => "scim" };
        var token = new Command("token", "Create a SCIM bearer token; it is shown once.") { name };
        token.SetAction(async (parse, ct) =>
        {
            await using var services = await GlobalOptions.ServicesAsync(parse, ct);
            var secret = ApiToken.Generate();
            await services.GetRequiredService<IServiceTokenStore>().AddAsync(ServiceTokenPurposes.Scim, parse.GetValue(name)!, ApiToken.HashOf(secret), ct);
            Console.WriteLine(secret);
            Console.Error.WriteLine("Give this token to the identity provider with the tenant URL https://YOUR-ENVOI/scim/v2 ; it is not shown again.");
            return 0;
        });
        return new Command("scim", "SCIM 2.0 provisioning (Entra ID, Okta).") { token };
    }
}
