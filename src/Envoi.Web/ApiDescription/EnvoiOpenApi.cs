using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Envoi.Web.ApiDescription;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, written so that the ecosystem's linter (<c>redocly lint</c>)
/// accepts it: a title, a summary and an operation id for every operation, the bearer token each one needs
/// (or none), the refusals that token can earn, and a description for every tag.
/// </summary>
public static class EnvoiOpenApi
{
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddEnvoiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Envoi";
                document.Info.Description = "Self-hosted email signature and send-safety gateway: outbox, directory, signatures, campaigns, statistics and checks.";
                foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "An API token from `envoi tokens create EMAIL` or the portal (SCIM: `envoi scim token`).",
                };
                foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
                    tag.Description ??= TagDescriptions.Of(tag.Name);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var description = context.Description;
                var route = DocumentedRoute(description.RelativePath);
                operation.Summary ??= OperationSummaries.Of($"{description.HttpMethod} {route}");
                operation.OperationId ??= OperationIds.From(description.HttpMethod ?? "GET", route);
                var metadata = description.ActionDescriptor.EndpointMetadata;
                var authorize = metadata.OfType<IAuthorizeData>().ToList();
                var needsToken = authorize.Count > 0 || metadata.OfType<RequiresBearerToken>().Any();
                // An empty list says "no credentials" explicitly, which is what an anonymous endpoint means.
                operation.Security = needsToken
                    ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }]
                    : [];
                if (needsToken)
                {
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API token was given." });
                    if (authorize.Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy)))
                        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's user lacks the role this needs." });
                }
                return Task.CompletedTask;
            });
        });

    /// <summary>The route as the document shows it: <c>api/directory/groups/{id:int}/</c> → <c>/api/directory/groups/{id}</c>.</summary>
    private static string DocumentedRoute(string? relativePath) =>
        "/" + Regex.Replace(relativePath ?? "", @"\{(\w+)[^}]*\}", "{$1}").TrimEnd('/');
}

/// <summary>Endpoint metadata for endpoints that check a bearer token themselves (SCIM's service tokens).</summary>
public sealed class RequiresBearerToken
{
    public static readonly RequiresBearerToken Instance = new();
}
