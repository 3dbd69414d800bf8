using Orleans.Fin.Customers;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.Api.Contracts;

public sealed record CreateCustomerRequest(string? Name, string? IdNumber, string? Phone, string? DeviceId);

public sealed record BindDeviceRequest(string? DeviceId, string? Otp = null);

/// <summary>A device binding waits for the one-time code sent to the customer's phone.</summary>
public sealed record DeviceChallengeResponse(string Status, DateTimeOffset? ExpiresAt);

public sealed record LoginRequest(string? DeviceId, string? Ip, string? Country, string? City);

/// <summary>
/// A customer as the API shows it: identity number and phone masked. The birth date is not shown: next to the
/// masked number it would leave only a handful of candidates for the whole identity number.
/// </summary>
public sealed record CustomerResponse(
    string Id,
    string Name,
    KycStatus KycStatus,
    RiskLevel RiskLevel,
    int? CreditScore,
    IReadOnlyList<string> BoundDevices,
    IReadOnlyList<string> AccountIds,
    string IdNumber,
    string Phone,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> PortfolioIds,
    InvestorAssessment? Assessment)
{
    public static CustomerResponse From(CustomerProfile p) => new(
        p.Id, p.Name, p.KycStatus, p.RiskLevel, p.CreditScore, p.BoundDevices, p.AccountIds, p.MaskedIdNumber, p.MaskedPhone,
        p.CreatedAt, p.PortfolioIds ?? [], p.Assessment);
}
