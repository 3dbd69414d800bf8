using System.ComponentModel.DataAnnotations;

namespace Orleans.Fin.Api.Hosting;

/// <summary>Bearer token validation. The signing key is a shared secret (HS256) of at least 32 bytes.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required]
    public string Issuer { get; set; } = "orleans-fin";

    [Required]
    public string Audience { get; set; } = "orleans-fin-api";

    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    [Range(1, 1440)]
    public int DevTokenLifetimeMinutes { get; set; } = 120;
}
