using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Bearer tokens for the run. With a signing key (the cluster's Jwt:SigningKey, kept in its run
/// directory outside Development) the tokens are signed here, HS256 with the API's issuer and
/// audience; without one they come from POST /auth/dev-token, which only Development serves.
/// </summary>
public sealed class TokenIssuer(HttpClient http, string? signingKey, string issuer = "orleans-fin", string audience = "orleans-fin-api")
{
    public static TokenIssuer Create(HttpClient http, string? signingKeyFile) =>
        new(http, signingKeyFile is null ? null : File.ReadAllText(signingKeyFile).Trim());

    public bool SignsItself => signingKey is not null;

    public async Task<string> IssueAsync(string subject, string role)
    {
        if (signingKey is null)
        {
            using var response = await http.PostAsJsonAsync("/auth/dev-token", new { subject, roles = new[] { role } });
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /auth/dev-token answered {(int)response.StatusCode} (outside Development pass --signing-key-file): {text}");
            }

            return JsonDocument.Parse(text).RootElement.GetProperty("token").GetString()!;
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = role,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now,
            ["nbf"] = now - 5,
            ["exp"] = now + 4 * 3600,
        }));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
