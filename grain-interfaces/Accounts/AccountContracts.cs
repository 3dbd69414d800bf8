namespace Orleans.Fin.Accounts;

public enum AccountStatus
{
    Active = 0,
    Frozen = 1,
    Closed = 2,
}

/// <summary>Customer accounts hold customers' money; settlement and FX position accounts are the bank's side of postings.</summary>
public enum AccountKind
{
    Customer = 0,
    Settlement = 1,
    FxPosition = 2,
    LoanBook = 3,

    /// <summary>The custodian's side of fund subscriptions (credited) and redemptions (debited).</summary>
    FundCustody = 4,
}

public enum DeclineReason
{
    InsufficientFunds = 0,
    AccountFrozen = 1,
    RiskDeclined = 2,
    LimitExceeded = 3,
    CurrencyMismatch = 4,
    AccountClosed = 5,
}

public enum EntryKind
{
    Deposit = 0,
    Withdrawal = 1,
    PaymentOut = 2,
    PaymentIn = 3,
    FxOut = 4,
    FxIn = 5,
    Settlement = 6,
    Reversal = 7,
    LoanDisbursement = 8,
    LoanRepayment = 9,
    FundSubscription = 10,
    FundRedemption = 11,
}

[GenerateSerializer, Immutable, Alias("fin.AccountOpening")]
public sealed record AccountOpening(string CustomerId, string Currency);

[GenerateSerializer, Immutable, Alias("fin.AccountView")]
public sealed record AccountView(
    string Id,
    string CustomerId,
    string Currency,
    AccountKind Kind,
    decimal Balance,
    decimal AvailableBalance,
    AccountStatus Status,
    string? FreezeReason,
    DateTimeOffset? FrozenAt,
    string? FrozenBy,
    DateTimeOffset OpenedAt,
    decimal DailyLimit,
    decimal SpentToday,
    string? FreezeCaseId = null);

[GenerateSerializer, Immutable, Alias("fin.LedgerEntry")]
public sealed record LedgerEntry(
    string Id,
    long Sequence,
    DateTimeOffset At,
    decimal Amount,
    decimal BalanceAfter,
    EntryKind Kind,
    string Reference,
    string? CounterpartyAccountId,
    decimal? FxRate);

[GenerateSerializer, Immutable, Alias("fin.EntryPage")]
public sealed record EntryPage(IReadOnlyList<LedgerEntry> Items, long? NextBefore);

/// <summary>
/// One leg of a money movement on one account. <paramref name="Amount"/> is signed (negative debits).
/// Postings are idempotent per <paramref name="TransferId"/> on each account.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.Posting")]
public sealed record Posting(
    string TransferId,
    decimal Amount,
    string Currency,
    EntryKind Kind,
    string Reference,
    string? CounterpartyAccountId,
    decimal? FxRate,
    string? ExpectedOwner,
    bool CountsTowardsDailyLimit);

[GenerateSerializer, Immutable, Alias("fin.PostingOutcome")]
public sealed record PostingOutcome(bool Applied, DeclineReason? Decline, decimal BalanceAfter, string OwnerCustomerId);

[GenerateSerializer, Immutable, Alias("fin.FreezeCommand")]
public sealed record FreezeCommand(string Reason, string By, string? CaseId = null);
