using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class BehaviourTrackerTests
{
    [Fact]
    public void Observe_RedeliveredEvent_ReturnsFalseAndCountsOnce()
    {
        var profile = new BehaviourProfile();
        var payment = Payment(T0, 100m, "acc_a");

        Assert.True(BehaviourTracker.Observe(profile, payment));
        Assert.False(BehaviourTracker.Observe(profile, payment));
        Assert.False(BehaviourTracker.Observe(profile, payment with { })); // an equal copy, as a stream redelivers it

        Assert.Single(profile.Payments);
        Assert.Equal(1, profile.Amounts.Count);
        Assert.Equal(1, profile.Payees.Single().Payments);
        Assert.Equal(1, profile.Devices.Single().Uses);
    }

    [Fact]
    public void Observe_RedeliveredLogin_NotCountedTwice()
    {
        var profile = new BehaviourProfile();
        var login = Login(T0);

        BehaviourTracker.Observe(profile, login);
        BehaviourTracker.Observe(profile, login);

        Assert.Single(profile.Logins);
        Assert.Equal(1, profile.Places.Single().Visits);
    }

    [Fact]
    public void Observe_MoreThanMaxEventIds_KeepsOnlyTheLatestIds()
    {
        var profile = new BehaviourProfile();
        var first = Login(T0);
        BehaviourTracker.Observe(profile, first);
        for (var i = 1; i <= BehaviourLimits.MaxEventIds; i++)
        {
            BehaviourTracker.Observe(profile, Login(T0.AddSeconds(i)));
        }

        Assert.Equal(BehaviourLimits.MaxEventIds, profile.SeenEventDigests.Count);
        Assert.False(BehaviourTracker.HasSeen(profile, first.EventId));
    }

    [Fact]
    public void Observe_EventsOlderThanTheWindow_ArePruned()
    {
        var profile = Observed(Payment(T0, 100m, "acc_a"), Login(T0), Inflow(T0, 500m));

        Observed(profile, Payment(T0.AddHours(24).AddMinutes(1), 100m, "acc_a"));

        Assert.Single(profile.Payments);
        Assert.Empty(profile.Logins);
        Assert.Empty(profile.Inflows);
        Assert.Equal(2, profile.Amounts.Count); // the long-run history keeps counting
    }

    [Fact]
    public void Observe_ManyPaymentsWithinTheWindow_KeepsAtMostMaxPayments()
    {
        var profile = new BehaviourProfile();
        for (var i = 0; i < BehaviourLimits.MaxPayments + 50; i++)
        {
            BehaviourTracker.Observe(profile, Payment(T0.AddSeconds(i), 10m + i, $"acc_{i}"));
        }

        Assert.Equal(BehaviourLimits.MaxPayments, profile.Payments.Count);
        Assert.Equal(10m + BehaviourLimits.MaxPayments + 49, profile.Payments[^1].Amount);
        Assert.Equal(BehaviourLimits.MaxPayees, profile.Payees.Count);
        Assert.DoesNotContain(profile.Payees, p => p.AccountId == "acc_0"); // least recently paid evicted first
    }

    [Fact]
    public void Observe_ManyDevicesAndPlaces_KeepsTheMostRecent()
    {
        var profile = new BehaviourProfile();
        string[] cities = [.. GeoPlaces.KnownCities.Take(BehaviourLimits.MaxPlaces + 5)];
        for (var i = 0; i < cities.Length; i++)
        {
            BehaviourTracker.Observe(profile, Login(T0.AddDays(i), $"dev_{i}", cities[i]));
        }

        Assert.Equal(BehaviourLimits.MaxDevices, profile.Devices.Count);
        Assert.Equal(BehaviourLimits.MaxPlaces, profile.Places.Count);
        Assert.Contains(profile.Devices, d => d.DeviceId == $"dev_{cities.Length - 1}");
        Assert.DoesNotContain(profile.Devices, d => d.DeviceId == "dev_0");
    }

    [Fact]
    public void Observe_FirstDevice_IsNotNewButASecondOneIs()
    {
        var profile = Observed(Login(T0, "dev_a"), Login(T0.AddMinutes(1), "dev_b"), Login(T0.AddMinutes(2), "dev_a"));

        Assert.Equal([false, true, false], profile.Logins.Select(l => l.NewDevice));
    }

    [Fact]
    public void Observe_DeclinedPayment_IsInTheWindowButThePayeeStaysUnknown()
    {
        var profile = Observed(Payment(T0, 100m, "acc_a", status: "Declined"));

        Assert.True(profile.Payments.Single().Declined);
        Assert.True(profile.Payments.Single().NewPayee);
        Assert.Empty(profile.Payees);
        Assert.Equal(0, profile.Amounts.Count);
    }

    [Fact]
    public void Observe_CompletedPaymentAfterChallengedAttempts_KeepsOneRecordPerMovement()
    {
        var profile = Observed(
            Payment(T0, 6_000m, "acc_a", status: "Declined", id: "mov_1:challenged:1"),
            Payment(T0.AddSeconds(30), 6_000m, "acc_a", status: "Declined", id: "mov_1:challenged:2"),
            Payment(T0.AddMinutes(1), 6_000m, "acc_a", id: "mov_1:PaymentOut"),
            Payment(T0.AddMinutes(2), 6_000m, "acc_b", status: "Declined", id: "mov_2:challenged:3"));

        Assert.Equal([EventKey.Of("mov_1:PaymentOut"), EventKey.Of("mov_2:challenged:3")], profile.Payments.Select(p => p.Event));
        Assert.True(profile.Payments[0].NewPayee);
        Assert.Equal(1, profile.Payees.Single().Payments);
    }

    [Fact]
    public void Observe_SecondPaymentToAPayee_IsNotNew()
    {
        var profile = Observed(Payment(T0, 100m, "acc_a"), Payment(T0.AddMinutes(1), 100m, "acc_a"));

        Assert.Equal([true, false], profile.Payments.Select(p => p.NewPayee));
        Assert.Equal(2, profile.Payees.Single().Payments);
    }

    [Fact]
    public void Observe_Amounts_KeepsMeanAndVarianceOfLogCny()
    {
        var profile = Observed(Payment(T0, 100m, "acc_a"), Payment(T0.AddMinutes(1), 400m, "acc_a"));

        var expectedMean = (Math.Log(100) + Math.Log(400)) / 2;
        Assert.Equal(expectedMean, profile.Amounts.MeanLog, 9);
        Assert.Equal(Math.Pow(Math.Log(400) - expectedMean, 2), profile.Amounts.VarianceLog, 9);
        Assert.Equal(400m, profile.Amounts.MaxCny);
    }

    [Fact]
    public void Observe_ForeignCurrency_CountsItsCnyEquivalent()
    {
        var profile = Observed(Payment(T0, 100m, "acc_a", currency: "USD"));

        Assert.Equal(RiskCurrency.ToCny(100m, "USD"), profile.Payments.Single().AmountCny);
        Assert.InRange(profile.Payments.Single().AmountCny, 650m, 750m);
    }

    [Fact]
    public void Observe_LateEvent_IsInsertedInTimeOrder()
    {
        var profile = Observed(Payment(T0, 1m, "acc_a"), Payment(T0.AddMinutes(10), 3m, "acc_a"), Payment(T0.AddMinutes(5), 2m, "acc_a"));

        Assert.Equal([1m, 2m, 3m], profile.Payments.Select(p => p.Amount));
        Assert.Equal(T0.AddMinutes(10), profile.LastEventAt);
    }

    [Fact]
    public void Observe_IncomingMoney_GoesToInflowsNotPayments()
    {
        var profile = Observed(Inflow(T0, 5_000m));

        Assert.Empty(profile.Payments);
        Assert.Equal(5_000m, profile.Inflows.Single().AmountCny);
        Assert.Empty(profile.Payees);
    }

    [Fact]
    public void Observe_Withdrawal_IsAnOutgoingPaymentWithoutPayee()
    {
        var withdrawal = new CustomerActivity(NewId("mov") + ":Withdrawal", Customer, ActivityKind.Withdrawal, T0, 300m, "CNY", "acc_own", Status: "Completed");

        var profile = Observed(withdrawal);

        Assert.True(profile.Payments.Single().Withdrawal);
        Assert.Null(profile.Payments.Single().PayeeAccountId);
        Assert.Equal(1, profile.Amounts.Count);
    }

    [Fact]
    public void Observe_AMonthOfDailyPayments_StaysSmallWhenSerialised()
    {
        var profile = new BehaviourProfile();
        for (var i = 0; i < 30 * 24; i++)
        {
            var at = T0.AddHours(i);
            BehaviourTracker.Observe(profile, Login(at, $"dev_{i % 3}"));
            BehaviourTracker.Observe(profile, Payment(at.AddMinutes(5), 50m, $"acc_{i % 50}"));
        }

        var json = System.Text.Json.JsonSerializer.Serialize(profile);

        Assert.InRange(json.Length, 1, 150_000);
        Assert.Equal(24, profile.Payments.Count);
    }
}
