using System.Security.Claims;
using Orleans.Fin.Accounts;
using Orleans.Fin.Api.Infrastructure;

namespace Orleans.Fin.Api.Contracts;

public sealed record OpenAccountRequest(string? CustomerId, string? Currency);

public sealed record FreezeRequest(string? Reason);

public sealed record AccountResponse(
    string Id,
    string CustomerId,
    string Currency,
    decimal Balance,
    decimal AvailableBalance,
    AccountStatus Status,
    string? FreezeReason,
    DateTimeOffset? FrozenAt,
    string? FrozenBy,
    DateTimeOffset OpenedAt,
    decimal DailyLimit,
    decimal SpentToday)
{
    public static AccountResponse From(AccountView a) => new(
        a.Id, a.CustomerId, a.Currency, a.Balance, a.AvailableBalance, a.Status, a.FreezeReason, a.FrozenAt, a.FrozenBy,
        a.OpenedAt, a.DailyLimit, a.SpentToday);

    /// <summary>Who froze an account is staff data: a customer sees the reason and the time, not the person.</summary>
    public AccountResponse VisibleTo(ClaimsPrincipal user) => user.IsStaff() ? this : this with { FrozenBy = null };
}

public sealed record EntryResponse(
    string Id,
    DateTimeOffset At,
    decimal Amount,
    decimal BalanceAfter,
    EntryKind Kind,
    string Reference,
    string? CounterpartyAccountId,
    decimal? FxRate)
{
    public static EntryResponse From(LedgerEntry e) =>
        new(e.Id, e.At, e.Amount, e.BalanceAfter, e.Kind, e.Reference, e.CounterpartyAccountId, e.FxRate);
}

public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
