using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Fin.Api.Tests;

/// <summary>Hand-made HS256 bearer tokens, to present the API with tokens the dev-token endpoint would never issue.</summary>
internal static class TestTokens
{
    public static string Sign(string signingKey, string issuer, string audience, string subject, string role, DateTimeOffset notBefore, DateTimeOffset expires)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = role,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = notBefore.ToUnixTimeSeconds(),
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        }));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Encode(signature)}";
    }

    /// <summary>A token like the node's own, with the node's issuer and audience, signed with <paramref name="signingKey"/> (default: the node's key).</summary>
    public static string For(FinNodeFixture fixture, string subject, string role, string? signingKey = null, TimeSpan? expiresIn = null)
    {
        var configuration = fixture.Node.Services.GetRequiredService<IConfiguration>();
        var now = DateTimeOffset.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        var notBefore = expires < now ? expires - TimeSpan.FromMinutes(10) : now;
        return Sign(
            signingKey ?? configuration["Jwt:SigningKey"]!, configuration["Jwt:Issuer"]!, configuration["Jwt:Audience"]!,
            subject, role, notBefore, expires);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
