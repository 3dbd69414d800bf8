using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class InflowFromNewSendersTests
{
    [Fact]
    public void InflowFromNewSenders_SendersAlsoPaid_AreLeftOut()
    {
        // acc_usual1 and acc_usual2 are among the established customer's payees; acc_s3 and acc_s4 never were.
        var profile = Observed(
            Established(),
            Inflow(T0.AddMinutes(1), 3_000m, "acc_usual1"),
            Inflow(T0.AddMinutes(2), 700m, "acc_s3"),
            Inflow(T0.AddMinutes(3), 400m, "acc_usual2"),
            Inflow(T0.AddMinutes(4), 250m, "acc_s4"),
            Inflow(T0.AddMinutes(5), 50m, "acc_s3"));

        Assert.Equal((1_000m, 2, (DateTimeOffset?)T0.AddMinutes(2)), ProfileQueries.InflowFromNewSenders(profile, T0, T0.AddMinutes(10)));
    }

    [Fact]
    public void InflowFromNewSenders_WindowOpenAtItsStartAndClosedAtItsEnd()
    {
        var profile = Observed(
            Inflow(T0, 100m, "acc_s1"),
            Inflow(T0.AddMinutes(5), 200m, "acc_s2"),
            Inflow(T0.AddMinutes(10), 400m, "acc_s3"),
            Inflow(T0.AddMinutes(11), 800m, "acc_s4"));

        Assert.Equal((600m, 2, (DateTimeOffset?)T0.AddMinutes(5)), ProfileQueries.InflowFromNewSenders(profile, T0, T0.AddMinutes(10)));
    }

    [Fact]
    public void InflowFromNewSenders_NothingReceived_IsEmpty()
    {
        Assert.Equal((0m, 0, (DateTimeOffset?)null), ProfileQueries.InflowFromNewSenders(Established(), T0.AddHours(-6), T0));
    }
}
