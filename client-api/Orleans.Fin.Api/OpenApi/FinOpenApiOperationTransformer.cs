using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Orleans.Fin.Api.Infrastructure;

namespace Orleans.Fin.Api.OpenApi;

/// <summary>
/// Documents what each operation may refuse, as problem+json: 400 always; 401/403 when it needs a token; 404 when it names
/// a resource; 409/413/415/422 for writes; 429 where a limiter or the step-up lock applies. Adds the bearer requirement and
/// the Idempotency-Key header of the money-moving POSTs.
/// </summary>
internal sealed class FinOpenApiOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly string[] MoneyMovingSuffixes = ["/deposits", "/withdrawals", "/payments", "/repayments", "/subscriptions", "/redemptions"];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var api = context.Description;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var method = api.HttpMethod ?? "GET";
        var path = "/" + (api.RelativePath ?? "").TrimEnd('/');
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var secured = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var write = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var movesMoney = method == "POST" && MoneyMovingSuffixes.Any(s => path.EndsWith(s, StringComparison.Ordinal));

        operation.Responses ??= new OpenApiResponses();
        Add(operation, 400, "The request is malformed or invalid (validation problems list the fields).");
        if (secured)
        {
            Add(operation, 401, "No bearer token, or one that is expired, forged or tampered with.");
            Add(operation, 403, "The token's subject or role may not do this (not the caller's resource, or a staff-only operation).");
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(FinOpenApiDocumentTransformer.BearerScheme, context.Document)] = [] });
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            Add(operation, 404, "No such resource (or an id of the wrong form).");
        }

        if (write)
        {
            Add(operation, 409, movesMoney ? "The Idempotency-Key was already used with another body." : "Conflicts with the resource's current state.");
            Add(operation, 413, "The body is larger than the endpoint accepts.");
            Add(operation, 415, "The body is not application/json.");
            Add(operation, 422, "Refused by a business rule (suitability, limits, a wrong or expired one-time code, ...).");
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() || path.EndsWith("/devices", StringComparison.Ordinal))
        {
            Add(operation, 429, "Too many requests (rate limit, or too many one-time codes): see Retry-After.");
        }

        if (movesMoney)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = RequestKeys.IdempotencyHeader,
                In = ParameterLocation.Header,
                Required = true,
                Description = "1 to 64 printable ASCII characters. The same key with the same body replays the first answer and moves money once; with another body it is 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = RequestKeys.MaxIdempotencyKeyLength },
                Example = JsonValue.Create("3f2b9c1e-payment-0001"),
            });
        }

        if (string.IsNullOrEmpty(operation.Description))
        {
            operation.Description = Describe(method, path, anonymous, secured, metadata);
        }

        return Task.CompletedTask;
    }

    private static string Describe(string method, string path, bool anonymous, bool secured, IList<object> metadata)
    {
        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Policy ?? a.Roles).Where(p => !string.IsNullOrEmpty(p)).Distinct().ToList();
        var who = anonymous ? "Anonymous (rate limited)." : !secured ? "Open." : roles.Count == 0 ? "Any authenticated caller, for its own resources; staff for any." : $"Needs policy: {string.Join(", ", roles)}.";
        return $"{method} {path}. {who}";
    }

    private static void Add(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var (type, title) = ProblemTypes.ForStatus(status);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchemaReference(FinOpenApiDocumentTransformer.ProblemSchema),
                    Example = new JsonObject
                    {
                        ["type"] = type,
                        ["title"] = title,
                        ["status"] = status,
                        ["detail"] = description,
                        ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    },
                },
            },
        };
    }
}
