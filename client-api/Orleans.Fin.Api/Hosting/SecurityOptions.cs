using System.ComponentModel.DataAnnotations;

namespace Orleans.Fin.Api.Hosting;

/// <summary>Secrets that key hashes: identity numbers are indexed, and idempotency keys scoped, by HMAC-SHA256.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    [Required, MinLength(32)]
    public string IdentityPepper { get; set; } = "";

    [Required, MinLength(32)]
    public string IdempotencySecret { get; set; } = "";

    /// <summary>Requests per minute per client address on anonymous endpoints.</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPermitsPerMinute { get; set; } = 30;

    /// <summary>The largest request body any endpoint accepts.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest body an anonymous endpoint (onboarding, dev-token) accepts.</summary>
    [Range(256, 1024 * 1024)]
    public long AnonymousMaxRequestBodyBytes { get; set; } = 4 * 1024;
}
