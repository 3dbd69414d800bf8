using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Api.Infrastructure;

/// <summary>
/// Derives grain keys from secrets: the identity index key of an identity number, and the movement id of an
/// Idempotency-Key (scoped to the caller and the kind of movement, so nobody can reach another caller's record).
/// </summary>
public sealed class RequestKeys(IOptions<SecurityOptions> options)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 64;

    public string IdentityIndexKey(string idNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.IdentityPepper), Encoding.UTF8.GetBytes(idNumber.ToUpperInvariant())));

    public string MovementId(MovementKind kind, string subject, string idempotencyKey)
    {
        var prefix = kind switch
        {
            MovementKind.Deposit => IdPrefixes.Deposit,
            MovementKind.Withdrawal => IdPrefixes.Withdrawal,
            MovementKind.LoanRepayment => IdPrefixes.LoanRepayment,
            MovementKind.FundSubscription => IdPrefixes.FundSubscription,
            MovementKind.FundRedemption => IdPrefixes.FundRedemption,
            _ => IdPrefixes.Payment,
        };
        var digest = HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(options.Value.IdempotencySecret), Encoding.UTF8.GetBytes($"{kind}\n{subject}\n{idempotencyKey}"));
        return FinIds.FromDigest(prefix, digest);
    }

    /// <summary>The Idempotency-Key header of the request: required, 1–64 printable ASCII characters.</summary>
    public static string RequireIdempotencyKey(HttpRequest request)
    {
        var values = request.Headers[IdempotencyHeader];
        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw ApiValidationException.For(IdempotencyHeader, $"The {IdempotencyHeader} header is required: 1 to {MaxIdempotencyKeyLength} printable ASCII characters.");
        }

        return key;
    }

    /// <summary>A fingerprint of a request body's meaning (amounts normalised), to tell a replay from a reuse.</summary>
    public static string Fingerprint(params object?[] parts)
    {
        // A JSON array keeps the parts apart whatever characters they contain.
        var canonical = parts.Select(p => p switch
        {
            null => null,
            decimal d => d.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }).ToArray();
        return Convert.ToHexString(SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(canonical)));
    }
}
