using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>Window records of an active customer share one instance of each device, account, city and currency.</summary>
public sealed class ProfileStringsTests
{
    [Fact]
    public void Observe_SameTextsInNewInstances_KeepsTheInstancesTheProfileHolds()
    {
        var profile = Observed(
            Login(T0, Copy("dev_phone"), Copy("Shanghai")),
            Payment(T0.AddMinutes(1), 10m, Copy("acc_payee"), Copy("dev_phone"), Copy("Shanghai"), Copy("CNY")),
            Payment(T0.AddMinutes(2), 20m, Copy("acc_payee"), Copy("dev_phone"), Copy("Shanghai"), Copy("CNY")),
            Inflow(T0.AddMinutes(3), 30m, Copy("acc_payer")),
            Inflow(T0.AddMinutes(4), 40m, Copy("acc_payer")),
            Inflow(T0.AddMinutes(5), 50m, Copy("acc_payee")));

        Assert.Same(profile.Logins[0].DeviceId, profile.Payments[1].DeviceId);
        Assert.Same(profile.Logins[0].City, profile.Payments[1].City);
        Assert.Same(profile.Logins[0].Country, profile.Payments[1].Country);
        Assert.Same(profile.Payments[0].PayeeAccountId, profile.Payments[1].PayeeAccountId);
        Assert.Same(profile.Payments[0].PayeeAccountId, profile.Inflows[2].CounterpartyAccountId);
        Assert.Same(profile.Inflows[0].CounterpartyAccountId, profile.Inflows[1].CounterpartyAccountId);
        Assert.Same(profile.Payments[0].Currency, profile.Payments[1].Currency);
        Assert.Equal(("dev_phone", "Shanghai", "acc_payee", "acc_payer"), (profile.Payments[1].DeviceId, profile.Payments[1].City, profile.Payments[1].PayeeAccountId, profile.Inflows[1].CounterpartyAccountId));
    }

    [Fact]
    public void Observe_CityInAnotherCase_KeepsItsOwnSpelling()
    {
        var profile = Observed(Login(T0, city: "Shanghai"), Payment(T0.AddMinutes(1), 10m, "acc_a", city: "SHANGHAI"));

        Assert.Equal("SHANGHAI", profile.Payments[0].City);
    }

    private static string Copy(string text) => new(text.AsSpan());
}
