using System.Security.Claims;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Loans;

namespace Orleans.Fin.Api.Contracts;

public sealed record LoanApplicationRequest(
    string? CustomerId,
    string? AccountId,
    decimal? Amount,
    int? TermMonths,
    string? Purpose,
    int? Seniority,
    string? Home,
    string? MaritalStatus,
    string? Job,
    decimal? Expenses,
    decimal? Income,
    decimal? Assets,
    decimal? Debt,
    decimal? Price,
    bool? Records);

public sealed record LoanReviewRequest(bool? Approve, string? Note);

public sealed record LoanRepaymentRequest(decimal? Amount);

/// <summary>A repayment: its movement (Completed, or Declined with the reason) and the loan after it.</summary>
public sealed record LoanRepaymentResponse(string MovementId, string Status, string? DeclineReason, decimal Amount, LoanResponse Loan)
{
    public static LoanRepaymentResponse From(LoanRepaymentResult r) =>
        new(r.MovementId, r.Status.ToString(), r.DeclineReason?.ToString(), r.Amount, LoanResponse.From(r.Loan));
}

/// <summary>The answer to an application: the decision and what it rests on.</summary>
public sealed record LoanDecisionResponse(
    string Id,
    string Decision,
    double ProbabilityOfDefault,
    int CreditScore,
    decimal? AnnualRate,
    IReadOnlyList<string> Reasons,
    string ModelVersion,
    string Recommendation,
    string Status)
{
    public static LoanDecisionResponse From(LoanView l) =>
        new(l.Id, l.Decision, l.ProbabilityOfDefault, l.CreditScore, l.AnnualRate, l.Reasons, l.ModelVersion, l.Recommendation, l.Status);
}

public sealed record InstalmentResponse(DateOnly DueDate, decimal Principal, decimal Interest, decimal Paid, string Status);

public sealed record CollectionStepResponse(DateOnly Date, string Stage, int DaysPastDue, string Status);

public sealed record LoanResponse(
    string Id,
    string Status,
    decimal Principal,
    decimal Outstanding,
    decimal? AnnualRate,
    int DaysPastDue,
    string CollectionStage,
    IReadOnlyList<InstalmentResponse> Schedule,
    string CustomerId,
    string AccountId,
    string Currency,
    int TermMonths,
    string Decision,
    string Recommendation,
    double ProbabilityOfDefault,
    int CreditScore,
    IReadOnlyList<string> Reasons,
    string ModelVersion,
    string? ReviewedBy,
    string? ReviewNote,
    IReadOnlyList<CollectionStepResponse> Collections)
{
    public static LoanResponse From(LoanView l) => new(
        l.Id, l.Status, l.Principal, l.Outstanding, l.AnnualRate, l.DaysPastDue, l.CollectionStage,
        [.. l.Schedule.Select(i => new InstalmentResponse(i.DueDate, i.Principal, i.Interest, i.Paid, i.Status))],
        l.CustomerId, l.AccountId, l.Currency, l.TermMonths, l.Decision, l.Recommendation, l.ProbabilityOfDefault, l.CreditScore,
        l.Reasons, l.ModelVersion, l.ReviewedBy, l.ReviewNote,
        [.. l.Collections.Select(c => new CollectionStepResponse(c.Date, c.Stage, c.DaysPastDue, c.Status))]);

    /// <summary>The reviewer and the review note are staff data: a customer sees the decision only.</summary>
    public LoanResponse VisibleTo(ClaimsPrincipal user) => user.IsStaff() ? this : this with { ReviewedBy = null, ReviewNote = null };
}
