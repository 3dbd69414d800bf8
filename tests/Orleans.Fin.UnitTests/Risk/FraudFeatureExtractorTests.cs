using System.Reflection;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class FraudFeatureExtractorTests
{
    private static float Log1P(double x) => (float)Math.Log(1 + x);

    [Fact]
    public void Extract_UsualPaymentOfAnEstablishedCustomer_LooksFamiliar()
    {
        var f = FraudFeatureExtractor.Extract(Established(), Candidate(T0, 100m, "acc_usual2"));

        Assert.Equal(0f, f.NewPayee);
        Assert.Equal(Log1P(6), f.PayeeHistoryLog, 5); // each of the five usual payees was paid 6 times in 30 payments
        Assert.Equal(Log1P(30), f.HistoryLog, 5);
        Assert.Equal(0f, f.NewDevice);
        Assert.Equal(1f, f.KnownDevices);
        Assert.Equal(Log1P(60), f.MinutesSinceLoginLog, 5);
        Assert.Equal(0f, f.RecentNewDeviceLogin);
        Assert.Equal(0f, f.TravelSpeedLog);
        Assert.Equal(0f, f.NewCity);
        Assert.Equal(0f, f.DistanceFromHomeLog);
        Assert.Equal(10f, f.Hour);
        Assert.Equal(1f, f.PaymentsDay); // yesterday's payments are more than 24 h ago
        Assert.InRange(f.AmountZ, -2f, 2f);
    }

    [Fact]
    public void Extract_WindowCounts_IncludeThePaymentItself()
    {
        var profile = Observed(Established(), Payment(T0, 5m, "acc_a"), Payment(T0.AddMinutes(1), 2m, "acc_b"), Payment(T0.AddMinutes(30), 6_000m, "acc_c"));

        var f = FraudFeatureExtractor.Extract(profile, Candidate(T0.AddMinutes(32), 7_000m, "acc_d"));

        Assert.Equal(2f, f.Payments10Min);
        Assert.Equal(4f, f.PaymentsHour);
        Assert.Equal(4f, f.PaymentsDay);
        Assert.Equal(2f, f.LargePaymentsHour);
        Assert.Equal(0f, f.TinyPayments10Min);
        Assert.Equal(4f, f.NewPayeePaymentsHour);
        Assert.Equal(Log1P(5 + 2 + 6_000 + 7_000), f.SumHourLog, 4);
        Assert.Equal(Log1P(2), f.MinutesSincePaymentLog, 4);
    }

    [Fact]
    public void Extract_TinyPaymentsToManyPayees_AreCounted()
    {
        var profile = Established();
        for (var i = 0; i < 4; i++)
        {
            Observed(profile, Payment(T0.AddSeconds(i * 20), 1m, $"acc_shop{i}", status: i == 0 ? "Declined" : "Completed"));
        }

        var f = FraudFeatureExtractor.Extract(profile, Candidate(T0.AddMinutes(2), 0.5m, "acc_shop9"));

        Assert.Equal(5f, f.TinyPayments10Min);
        Assert.Equal(5f, f.DistinctPayees10Min);
        Assert.Equal(1f, f.DeclinedHour);
    }

    [Fact]
    public void Extract_AccountTakeoverShape_ShowsNewDeviceLoginJourneyAndNewPayee()
    {
        var profile = Observed(Established(), Login(T0, "dev_attacker", "London"));

        var f = FraudFeatureExtractor.Extract(profile, Candidate(T0.AddMinutes(5), 20_000m, "acc_mule", device: "dev_attacker", bound: false, city: "London"));

        Assert.Equal(0f, f.NewDevice); // seen at the login five minutes ago...
        Assert.Equal(1f, f.RecentNewDeviceLogin); // ...which was a new device
        Assert.InRange(f.DeviceAgeLog, 0.05f, 0.1f);
        Assert.Equal(1f, f.NewPayee);
        Assert.True(f.TravelSpeedLog > Log1P(5_000)); // Shanghai at T0 - 1 h, London at T0
        Assert.Equal(0f, f.NewCity); // London was seen at the login
        Assert.True(f.DistanceFromHomeLog > Log1P(9_000));
        Assert.True(f.AmountZ > 5);
    }

    [Fact]
    public void Extract_MoneyPassedOnAfterAnInflow_ShowsTheRatio()
    {
        var profile = Observed(Established(), Inflow(T0, 40_000m, "acc_unknown"));

        var f = FraudFeatureExtractor.Extract(profile, Candidate(T0.AddMinutes(20), 10_000m, "acc_n1"));

        Assert.Equal(Log1P(40_000), f.InflowDayLog, 4);
        Assert.Equal(0.25f, f.OutToInDay, 3);
    }

    [Fact]
    public void Extract_NoHistory_GivesNeutralValues()
    {
        var f = FraudFeatureExtractor.Extract(new BehaviourProfile(), Candidate(T0, 100m, "acc_a"));

        Assert.Equal(0f, f.AmountZ);
        Assert.Equal(0f, f.AmountToMaxLog);
        Assert.Equal(0f, f.HistoryLog);
        Assert.Equal(1f, f.NewDevice);
        Assert.Equal(0f, f.KnownDevices);
        Assert.Equal(0f, f.NewCity);
        Assert.Equal(0.125f, f.HourShare);
        Assert.Equal(0f, f.ProfileAgeLog);
        Assert.Equal(1f, f.NewPayee);
    }

    [Fact]
    public void Extract_StreamEventAfterObserve_EqualsTheInlineFeatures()
    {
        var simulator = new TransactionSimulator(new SimulationOptions { Seed = 11, Customers = 40, FraudCustomerShare = 0.3 });
        var compared = 0;
        foreach (var customer in simulator.Customers())
        {
            var profile = new BehaviourProfile();
            foreach (var e in customer.Events)
            {
                FraudFeatures? inline = e.Candidate is { } c && !BehaviourTracker.HasSeen(profile, e.Activity.EventId) ? FraudFeatureExtractor.Extract(profile, c) : null;
                BehaviourTracker.Observe(profile, e.Activity);
                if (inline is not null)
                {
                    AssertSame(inline, FraudFeatureExtractor.Extract(profile, e.Activity), $"{customer.CustomerId} {e.Activity.EventId}");
                    compared++;
                }
            }
        }

        Assert.True(compared > 1_000, $"compared {compared} payments");
    }

    [Fact]
    public void ColumnNames_AreEveryFloatFeatureOnce()
    {
        var floats = typeof(FraudFeatures).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(float)).Select(p => p.Name);

        Assert.Equal(floats.Order(StringComparer.Ordinal), FraudFeatures.ColumnNames.Order(StringComparer.Ordinal));
        Assert.Equal(FraudFeatures.ColumnNames.Count, FraudFeatures.ColumnNames.Distinct().Count());
        Assert.Equal("AmountLog", FraudFeatures.ColumnNames[0]);
    }

    private static void AssertSame(FraudFeatures expected, FraudFeatures actual, string what)
    {
        foreach (var name in FraudFeatures.ColumnNames)
        {
            var property = typeof(FraudFeatures).GetProperty(name)!;
            var (e, a) = ((float)property.GetValue(expected)!, (float)property.GetValue(actual)!);
            Assert.True(Math.Abs(e - a) <= 1e-4 * Math.Max(1, Math.Abs(e)), $"{what}: {name} inline {e} but after observe {a}");
        }
    }
}
