namespace Orleans.Fin.Customers;

public enum KycStatus
{
    Pending = 0,
    Verified = 1,
    Rejected = 2,
}

public enum RiskLevel
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>
/// What onboarding hands to the customer grain: identity already validated, the number itself only as the keyed hash
/// that keys the identity index; here it is masked, and <paramref name="RegionCode"/> holds the province only.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.CustomerDraft")]
public sealed record CustomerDraft(
    string Name,
    string MaskedIdNumber,
    DateOnly BirthDate,
    string RegionCode,
    string Phone,
    string DeviceId);

[GenerateSerializer, Immutable, Alias("fin.CustomerProfile")]
public sealed record CustomerProfile(
    string Id,
    string Name,
    string MaskedIdNumber,
    string MaskedPhone,
    DateOnly BirthDate,
    KycStatus KycStatus,
    RiskLevel RiskLevel,
    int? CreditScore,
    IReadOnlyList<string> BoundDevices,
    IReadOnlyList<string> AccountIds,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string>? PortfolioIds = null,
    Wealth.InvestorAssessment? Assessment = null);

[GenerateSerializer, Immutable, Alias("fin.RegistrationResult")]
public sealed record RegistrationResult(string CustomerId, bool Created);

/// <summary>A login to the customer's app, as reported by the channel.</summary>
[GenerateSerializer, Immutable, Alias("fin.LoginAttempt")]
public sealed record LoginAttempt(string DeviceId, string Ip, string Country, string City);
