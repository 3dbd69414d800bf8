using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orleans.Fin.Api.Contracts;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;

namespace Orleans.Fin.Api.Endpoints;

/// <summary>Development only: mints tokens for any subject and roles, signed with the configured key.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/auth").WithTags("Auth")
            .MapPost("/dev-token", IssueDevToken).WithName(nameof(IssueDevToken))
            .AllowAnonymous().RequireRateLimiting(AuthSetup.AnonymousLimiter);
        return routes;
    }

    public static Ok<DevTokenResponse> IssueDevToken(DevTokenRequest request, IOptions<JwtOptions> options)
    {
        var roles = request.Roles ?? [];
        new RequestValidator()
            .Required("subject", request.Subject, 64)
            .Check(roles.Count > 0 && roles.All(r => Caller.AllRoles.Contains(r)), "roles", $"roles must name one or more of {string.Join(", ", Caller.AllRoles)}.")
            .ThrowIfInvalid();

        var jwt = options.Value;
        // Tokens live on real time, as their validation does, whatever the (possibly simulated) business clock says.
        var now = TimeProvider.System.GetUtcNow();
        var expires = now.AddMinutes(jwt.DevTokenLifetimeMinutes);
        var claims = new List<Claim> { new("sub", request.Subject!) };
        claims.AddRange(roles.Distinct().Select(r => new Claim("role", r)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new DevTokenResponse(token, expires));
    }
}
