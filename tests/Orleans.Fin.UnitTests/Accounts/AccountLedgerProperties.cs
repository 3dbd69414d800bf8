using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountLedgerProperties
{
    /// <summary>Signed amounts of 0.01 to 5,000.00 with two decimals (negative for debits), and whether a debit counts towards the limit.</summary>
    private static readonly Arbitrary<(decimal Amount, bool Counts)[]> Postings =
        Gen.Choose(1, 500_000)
            .Zip(Gen.Elements(-1, 1), (cents, sign) => sign * cents / 100m)
            .Zip(Gen.Elements(true, false), (amount, counts) => (Amount: amount, Counts: counts))
            .ArrayOf()
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Apply_AnySequenceOfAcceptedPostings_KeepsBalanceConsistent() =>
        Prop.ForAll(Postings, postings =>
        {
            var account = Ledger.Customer();
            var applied = 0m;
            var neverNegative = true;
            for (var i = 0; i < postings.Length; i++)
            {
                var (amount, counts) = postings[i];
                var posting = new Posting($"pay_{i}", amount, "CNY", amount < 0 ? EntryKind.PaymentOut : EntryKind.PaymentIn, $"pay_{i}", null, null, null, counts);
                if (AccountLedger.Check(account, posting, Ledger.Day, Ledger.Limit) is not null)
                {
                    continue;
                }

                AccountLedger.Apply(account, posting, Ledger.At, Ledger.Day);
                applied += amount;
                neverNegative &= account.Balance >= 0;
            }

            var sequencesContiguous = account.Recent.Select(e => e.Sequence).SequenceEqual(Enumerable.Range(1, account.Recent.Count).Select(n => (long)n));
            var lastBalanceAfter = account.Recent.Count == 0 ? 0m : account.Recent[^1].BalanceAfter;
            return (account.Balance == applied).Label($"balance {account.Balance} == applied {applied}")
                .And(neverNegative.Label("never negative"))
                .And((lastBalanceAfter == account.Balance).Label($"last BalanceAfter {lastBalanceAfter} == balance"))
                .And(sequencesContiguous.Label("sequences 1..n"))
                .And((account.SpentToday <= Ledger.Limit).Label($"spent {account.SpentToday} within the limit"));
        });
}
