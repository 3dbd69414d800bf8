using Orleans.Fin.Common;

namespace Orleans.Fin.Customers;

/// <summary>Persisted state of a customer grain (JSON; new members need defaults).</summary>
public sealed class CustomerState
{
    /// <summary>
    /// 2: the identity number is kept only masked (first and last character) with the birth date and the province;
    /// schema 1 also kept the full region code and a wider mask, which together rebuilt the number.
    /// </summary>
    public const int CurrentSchema = 2;

    /// <summary>Stored schema-1 state says 1; new state starts at the current schema.</summary>
    public int SchemaVersion { get; set; } = CurrentSchema;
    public bool Exists { get; set; }
    public string Name { get; set; } = "";
    public string MaskedIdNumber { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public string RegionCode { get; set; } = "";
    public string Phone { get; set; } = "";
    public KycStatus KycStatus { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public int? CreditScore { get; set; }

    // The lists are short, change rarely and are replaced as a whole (ListRoom.Exact): a customer read from storage holds
    // one array per list of exactly its items, and nothing for an empty one. The stored JSON is the same as for lists.

    public IReadOnlyList<string> Devices { get; set => field = ListRoom.Exact(value); } = [];
    public IReadOnlyList<string> AccountIds { get; set => field = ListRoom.Exact(value); } = [];
    public IReadOnlyList<string> PortfolioIds { get; set => field = ListRoom.Exact(value); } = [];

    /// <summary>The newest risk assessment (wealth suitability), or null before the first questionnaire.</summary>
    public AssessmentRecord? Assessment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>One-time codes (salted hashes) sent to bind a new device, keyed by the device id in place of a movement id.</summary>
    public IReadOnlyList<Risk.Control.OtpChallenge> BindingChallenges { get; set => field = ListRoom.Exact(value); } = [];
}

/// <summary>A persisted risk questionnaire and the level it gave.</summary>
public sealed class AssessmentRecord
{
    public List<int> Answers { get; set; } = [];
    public string Goal { get; set; } = "";
    public int HorizonYears { get; set; }
    public string RiskLevel { get; set; } = "";
    public DateTimeOffset AssessedAt { get; set; }
}
