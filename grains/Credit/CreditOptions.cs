using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit;

/// <summary>
/// The credit decision settings (section "Credit"). Applications up to <see cref="SmallLoanThreshold"/> are decided
/// automatically: approved when the PD is at most <see cref="ApproveMaxPd"/> (equivalently, the score is at least
/// <see cref="ApproveMinScore"/>), rejected otherwise; larger ones go to ManualReview with that recommendation.
/// </summary>
public sealed class CreditOptions
{
    public const string Section = "Credit";

    /// <summary>The default approval cut-off: a PD of 0.30 (score ≈ 512).</summary>
    public const double DefaultApproveMaxPd = 0.30;

    /// <summary>Largest amount decided automatically (inclusive); above it an operator decides.</summary>
    public decimal SmallLoanThreshold { get; set; } = 20_000m;

    /// <summary>The approval cut-off on the probability of default (inclusive).</summary>
    public double ApproveMaxPd { get; set; } = DefaultApproveMaxPd;

    /// <summary>How many reason codes a decision carries at most.</summary>
    public int MaxReasons { get; set; } = 4;

    /// <summary>The score at the approval cut-off on the default scale.</summary>
    public int ApproveMinScore => CreditScoreScale.Default.Score(ApproveMaxPd);

    /// <summary>The problems with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (SmallLoanThreshold < 0)
        {
            problems.Add($"{Section}:{nameof(SmallLoanThreshold)} must not be negative.");
        }

        if (double.IsNaN(ApproveMaxPd) || ApproveMaxPd is <= 0 or >= 1)
        {
            problems.Add($"{Section}:{nameof(ApproveMaxPd)} must be between 0 and 1 (exclusive).");
        }

        if (MaxReasons is < 1 or > 10)
        {
            problems.Add($"{Section}:{nameof(MaxReasons)} must be between 1 and 10.");
        }

        return problems;
    }
}
