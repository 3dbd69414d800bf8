using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Orleans.Fin.LoadTest;

/// <summary>
/// Bearer tokens for the load's callers. With a signing key (the node's Jwt:SigningKey) tokens are signed here, which
/// works against any environment; without one they come from POST /auth/dev-token, which only Development serves.
/// </summary>
public sealed class TokenSource(HttpClient http, LoadOptions options)
{
    public async Task<string> IssueAsync(string subject, params string[] roles)
    {
        if (options.SigningKey is { Length: > 0 } key)
        {
            var now = DateTime.UtcNow;
            var claims = new List<Claim> { new("sub", subject) };
            claims.AddRange(roles.Select(role => new Claim("role", role)));
            return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = options.Issuer,
                Audience = options.Audience,
                Subject = new ClaimsIdentity(claims),
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddHours(4),
                SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
            });
        }

        using var response = await http.PostAsJsonAsync("/auth/dev-token", new { subject, roles });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"POST /auth/dev-token answered {(int)response.StatusCode}: outside Development pass --signing-key (or FIN_JWT_SIGNING_KEY).");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
