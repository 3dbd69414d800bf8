using System.Reflection;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// A record is taken from a window's cold part only when it is the same in every stored field, written the same way: a
/// scale or an offset that differs, or any field of a payee, makes it another record.
/// </summary>
public sealed class WindowRecordComparersTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Payments_AmountsDifferingOnlyInScale_AreNotTheSame()
    {
        var payment = new PaymentRecord { At = At, Amount = 10.5m, Currency = "CNY", PayeeAccountId = "acc_b" };

        Assert.True(WindowRecordComparers.Payments.Equals(payment, payment with { }));
        Assert.False(WindowRecordComparers.Payments.Equals(payment, payment with { Amount = 10.50m, AmountCny = 10.50m }));
        Assert.False(WindowRecordComparers.Payments.Equals(payment, payment with { AmountCny = 10.50m }));
        Assert.False(WindowRecordComparers.Payments.Equals(payment, payment with { Declined = true }));
    }

    [Fact]
    public void InflowsAndDecisions_AmountsDifferingOnlyInScale_AreNotTheSame()
    {
        var inflow = new InflowRecord { At = At, AmountCny = 7m, CounterpartyAccountId = "acc_c" };
        var decision = new DecisionRecord { MovementId = "pay_1", At = At, AmountCny = 7m };

        Assert.True(WindowRecordComparers.Inflows.Equals(inflow, inflow with { }));
        Assert.False(WindowRecordComparers.Inflows.Equals(inflow, inflow with { AmountCny = 7.0m }));
        Assert.True(WindowRecordComparers.Decisions.Equals(decision, decision with { }));
        Assert.False(WindowRecordComparers.Decisions.Equals(decision, decision with { AmountCny = 7.00m }));
        Assert.False(WindowRecordComparers.Decisions.Equals(decision, decision with { At = At.ToOffset(TimeSpan.Zero) }));
        Assert.False(WindowRecordComparers.Decisions.Equals(decision, decision with { CaseId = "case_1" }));
    }

    [Fact]
    public void Payees_CopyIsTheSameAndEveryStoredPropertyChangedIsNot()
    {
        var payee = new PayeeRecord
        {
            AccountId = "acc_b", FirstPaid = At, LastPaid = At.AddHours(1),
            FirstEvent = new EventKey { Id = 1, Movement = 2 }, LastEvent = new EventKey { Id = 3, Movement = 4 }, Payments = 2,
        };
        var comparer = WindowRecordComparers.Payees;

        var copy = payee.Copy();
        Assert.NotSame(payee, copy);
        Assert.True(comparer.Equals(payee, copy));
        Assert.Equal(comparer.GetHashCode(payee), comparer.GetHashCode(copy));

        // Every property a payee stores: one added without the comparer and the copy knowing it fails here.
        var stored = typeof(PayeeRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name is not (nameof(PayeeRecord.FirstEventId) or nameof(PayeeRecord.LastEventId)));
        foreach (var property in stored)
        {
            var changed = payee.Copy();
            property.SetValue(changed, Other(property.GetValue(payee)));
            Assert.False(comparer.Equals(payee, changed), property.Name);
            Assert.True(comparer.Equals(changed, changed.Copy()), property.Name);
        }

        var sameInstant = payee.Copy();
        sameInstant.LastPaid = payee.LastPaid.ToOffset(TimeSpan.Zero);
        Assert.False(comparer.Equals(payee, sameInstant));
    }

    private static object Other(object? value) => value switch
    {
        string text => text + "x",
        DateTimeOffset time => time.AddTicks(1),
        EventKey key => key with { Movement = key.Movement + 1 },
        int number => number + 1,
        _ => throw new InvalidOperationException($"A payee property of type {value?.GetType().Name} is not covered; add it to the comparer, Copy and this test."),
    };
}
