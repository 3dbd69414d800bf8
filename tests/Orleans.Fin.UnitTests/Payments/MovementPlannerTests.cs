using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class MovementPlannerTests
{
    private readonly string _id = Movements.NewId();
    private readonly AccountRef _payer = Movements.Account("cus_payer", "CNY");
    private readonly AccountRef _payee = Movements.Account("cus_payee", "CNY");
    private readonly AccountRef _usdPayee = Movements.Account("cus_payee", "USD");

    [Fact]
    public void Deposit_Legs_BalancePerCurrency()
    {
        var legs = MovementPlanner.Deposit(_id, _payee, 250m);

        Assert.Equal(2, legs.Count);
        Assert.All(Movements.SumPerCurrency(legs).Values, sum => Assert.Equal(0m, sum));
    }

    [Fact]
    public void Deposit_FirstLeg_DebitsTheSettlementAccountOfTheCurrency()
    {
        var first = MovementPlanner.Deposit(_id, _payee, 250m)[0];

        Assert.Equal(SystemAccounts.Settlement("CNY", _id), first.AccountId);
        Assert.Equal(-250m, first.Posting.Amount);
        Assert.Equal(EntryKind.Settlement, first.Posting.Kind);
        Assert.Equal(_payee.Id, first.Posting.CounterpartyAccountId);
        Assert.False(first.Posting.CountsTowardsDailyLimit);
    }

    [Fact]
    public void Deposit_LastLeg_CreditsTheCustomerItBelongsTo()
    {
        var last = MovementPlanner.Deposit(_id, _payee, 250m)[^1];

        Assert.Equal(_payee.Id, last.AccountId);
        Assert.Equal(250m, last.Posting.Amount);
        Assert.Equal(EntryKind.Deposit, last.Posting.Kind);
        Assert.Equal("cus_payee", last.Posting.ExpectedOwner);
        Assert.False(last.Posting.CountsTowardsDailyLimit);
    }

    [Fact]
    public void Withdrawal_Legs_BalancePerCurrency()
    {
        var legs = MovementPlanner.Withdrawal(_id, _payer, 99.99m);

        Assert.Equal(2, legs.Count);
        Assert.All(Movements.SumPerCurrency(legs).Values, sum => Assert.Equal(0m, sum));
    }

    [Fact]
    public void Withdrawal_FirstLeg_IsTheOwnersDebitCountingTowardsTheLimit()
    {
        var legs = MovementPlanner.Withdrawal(_id, _payer, 99.99m);

        AssertCustomerDebitFirst(legs, _payer, 99.99m, EntryKind.Withdrawal);
        Assert.Equal(SystemAccounts.Settlement("CNY", _id), legs[^1].AccountId);
        Assert.Equal(99.99m, legs[^1].Posting.Amount);
    }

    [Fact]
    public void Payment_SameCurrency_LegsBalance()
    {
        var legs = MovementPlanner.Payment(_id, _payer, _payee, 10.5m, null);

        Assert.Equal(2, legs.Count);
        var sums = Movements.SumPerCurrency(legs);
        Assert.Equal(0m, Assert.Single(sums).Value);
    }

    [Fact]
    public void Payment_SameCurrency_DebitsPayerFirstAndCreditsPayeeLast()
    {
        var legs = MovementPlanner.Payment(_id, _payer, _payee, 10.5m, null);

        AssertCustomerDebitFirst(legs, _payer, 10.5m, EntryKind.PaymentOut);
        AssertCustomerCreditLast(legs, _payee, 10.5m);
        Assert.Equal(_payee.Id, legs[0].Posting.CounterpartyAccountId);
        Assert.Equal(_payer.Id, legs[^1].Posting.CounterpartyAccountId);
        Assert.All(legs, l => Assert.Null(l.Posting.FxRate));
    }

    [Fact]
    public void Payment_WithFx_LegsBalancePerCurrency()
    {
        var legs = MovementPlanner.Payment(_id, _payer, _usdPayee, 1_000m, FxRates.Quote(Movements.Rates, 1_000m, "CNY", "USD"));

        Assert.Equal(4, legs.Count);
        var sums = Movements.SumPerCurrency(legs);
        Assert.Equal(["CNY", "USD"], sums.Keys.Order(StringComparer.Ordinal));
        Assert.All(sums.Values, sum => Assert.Equal(0m, sum));
    }

    [Fact]
    public void Payment_WithFx_DebitsPayerFirstAndCreditsConvertedAmountLast()
    {
        var quote = FxRates.Quote(Movements.Rates, 1_000m, "CNY", "USD");

        var legs = MovementPlanner.Payment(_id, _payer, _usdPayee, 1_000m, quote);

        AssertCustomerDebitFirst(legs, _payer, 1_000m, EntryKind.PaymentOut);
        AssertCustomerCreditLast(legs, _usdPayee, 140.74m);
        Assert.Equal("USD", legs[^1].Posting.Currency);
        Assert.All(legs, l => Assert.Equal(0.140746m, l.Posting.FxRate));
    }

    [Fact]
    public void Payment_WithFx_UsesTheFxPositionAccountOfEachCurrency()
    {
        var legs = MovementPlanner.Payment(_id, _payer, _usdPayee, 1_000m, FxRates.Quote(Movements.Rates, 1_000m, "CNY", "USD"));

        Assert.Equal(SystemAccounts.FxPosition("CNY", _id), legs[1].AccountId);
        Assert.Equal((1_000m, "CNY", EntryKind.FxIn), (legs[1].Posting.Amount, legs[1].Posting.Currency, legs[1].Posting.Kind));
        Assert.Equal(SystemAccounts.FxPosition("USD", _id), legs[2].AccountId);
        Assert.Equal((-140.74m, "USD", EntryKind.FxOut), (legs[2].Posting.Amount, legs[2].Posting.Currency, legs[2].Posting.Kind));
    }

    [Fact]
    public void AllKinds_EveryLeg_CarriesTheMovementIdAsTransferAndReference()
    {
        var quote = FxRates.Quote(Movements.Rates, 50m, "CNY", "USD");
        IEnumerable<PlannedLeg> legs =
        [
            .. MovementPlanner.Deposit(_id, _payee, 50m),
            .. MovementPlanner.Withdrawal(_id, _payer, 50m),
            .. MovementPlanner.Payment(_id, _payer, _payee, 50m, null),
            .. MovementPlanner.Payment(_id, _payer, _usdPayee, 50m, quote),
        ];

        Assert.All(legs, l =>
        {
            Assert.Equal(_id, l.Posting.TransferId);
            Assert.Equal(_id, l.Posting.Reference);
        });
    }

    [Fact]
    public void AllKinds_OnlyTheFirstLegOfAWithdrawalOrPayment_IsLimitedAndNoSystemLegHasAnOwner()
    {
        var quote = FxRates.Quote(Movements.Rates, 50m, "CNY", "USD");
        IReadOnlyList<PlannedLeg>[] plans =
        [
            MovementPlanner.Deposit(_id, _payee, 50m),
            MovementPlanner.Withdrawal(_id, _payer, 50m),
            MovementPlanner.Payment(_id, _payer, _payee, 50m, null),
            MovementPlanner.Payment(_id, _payer, _usdPayee, 50m, quote),
        ];

        Assert.All(plans, legs =>
        {
            Assert.All(legs.Skip(1), l => Assert.False(l.Posting.CountsTowardsDailyLimit));
            Assert.All(legs.Where(l => SystemAccounts.IsSystem(l.AccountId)), l => Assert.Null(l.Posting.ExpectedOwner));
            Assert.All(legs.Where(l => l.Posting.Amount < 0 && !SystemAccounts.IsSystem(l.AccountId)), l => Assert.Same(legs[0], l));
        });
    }

    [Fact]
    public void AllKinds_SystemLegs_ParseBackToTheirKindAndCurrency()
    {
        var quote = FxRates.Quote(Movements.Rates, 50m, "CNY", "USD");
        IEnumerable<PlannedLeg> legs =
        [
            .. MovementPlanner.Deposit(_id, _payee, 50m),
            .. MovementPlanner.Withdrawal(_id, _payer, 50m),
            .. MovementPlanner.Payment(_id, _payer, _usdPayee, 50m, quote),
        ];

        Assert.All(legs.Where(l => SystemAccounts.IsSystem(l.AccountId)), l =>
        {
            var parsed = SystemAccounts.Parse(l.AccountId);
            Assert.NotNull(parsed);
            Assert.Equal(l.Posting.Currency, parsed.Value.Currency);
            Assert.Equal(l.Posting.Kind is EntryKind.Settlement ? AccountKind.Settlement : AccountKind.FxPosition, parsed.Value.Kind);
        });
    }

    private static void AssertCustomerDebitFirst(IReadOnlyList<PlannedLeg> legs, AccountRef from, decimal amount, EntryKind kind)
    {
        var first = legs[0];
        Assert.Equal(from.Id, first.AccountId);
        Assert.Equal(-amount, first.Posting.Amount);
        Assert.Equal(from.Currency, first.Posting.Currency);
        Assert.Equal(kind, first.Posting.Kind);
        Assert.Equal(from.CustomerId, first.Posting.ExpectedOwner);
        Assert.True(first.Posting.CountsTowardsDailyLimit);
    }

    private static void AssertCustomerCreditLast(IReadOnlyList<PlannedLeg> legs, AccountRef to, decimal amount)
    {
        var last = legs[^1];
        Assert.Equal(to.Id, last.AccountId);
        Assert.Equal(amount, last.Posting.Amount);
        Assert.Equal(EntryKind.PaymentIn, last.Posting.Kind);
        Assert.Null(last.Posting.ExpectedOwner);
        Assert.False(last.Posting.CountsTowardsDailyLimit);
    }
}
