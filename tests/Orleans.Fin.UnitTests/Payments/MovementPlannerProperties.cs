using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Common;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class MovementPlannerProperties
{
    /// <summary>Amounts from 0.01 to 1,000,000,000.00 with two decimals, and two different supported currencies.</summary>
    private static readonly Arbitrary<(decimal Amount, string From, string To)> FxPayments =
        Gen.OneOf(Gen.Choose(0, 100), Gen.Choose(0, 100_000), Gen.Choose(0, 1_000_000_000)) // small, medium and large amounts alike
            .Zip(Gen.Choose(0, 99), (units, cents) => units + (cents / 100m))
            .Where(amount => amount is > 0m and <= MoneyRules.MaxAmount)
            .Zip(Gen.Elements(Currencies.Supported.ToArray()).Two().Where(pair => pair.Item1 != pair.Item2), (amount, pair) => (amount, pair.Item1, pair.Item2))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Payment_AnyFxPayment_LegsBalancePerCurrencyAndCreditNoMoreThanAmountTimesRate() =>
        Prop.ForAll(FxPayments, payment =>
        {
            var (amount, from, to) = payment;
            var id = Movements.NewId();
            var quote = FxRates.Quote(Movements.Rates, amount, from, to);

            var legs = MovementPlanner.Payment(id, Movements.Account("cus_a", from), Movements.Account("cus_b", to), amount, quote);

            var sums = Movements.SumPerCurrency(legs);
            var credited = legs[^1].Posting.Amount;
            return (sums.Count == 2 && sums.Values.All(s => s == 0m)).Label($"per-currency sums {string.Join(", ", sums)}")
                .And((credited <= amount * quote.Rate).Label($"credited {credited} <= {amount} x {quote.Rate}"))
                .And((amount * quote.Rate - credited < 0.01m).Label("less than a cent is cut"))
                .And((legs[0].Posting.Amount == -amount).Label("payer debited the amount"));
        });
}
