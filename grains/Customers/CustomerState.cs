namespace Orleans.Fin.Customers;

/// <summary>Persisted state of a customer grain (JSON; new members need defaults).</summary>
public sealed class CustomerState
{
    public int SchemaVersion { get; set; } = 1;
    public bool Exists { get; set; }
    public string Name { get; set; } = "";
    public string MaskedIdNumber { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string RegionCode { get; set; } = "";
    public string Phone { get; set; } = "";
    public KycStatus KycStatus { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public int? CreditScore { get; set; }
    public List<string> Devices { get; set; } = [];
    public List<string> AccountIds { get; set; } = [];
    public List<string> PortfolioIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }
}
