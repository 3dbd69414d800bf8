using System.Globalization;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// A payment record shares its currency, payee, device and place with the customer's other payments like it and holds
/// its CNY amount only where that is not the amount itself; every field reads back as it was set.
/// </summary>
public sealed class PaymentRecordTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Theory]
    [InlineData("100", "710.00")]
    [InlineData("10.5", "10.50")] // the same value written another way is kept as written
    [InlineData("10.50", "10.50")]
    [InlineData("0", "0")]
    public void AmountCny_AsSet_ReadsBackExactly(string amount, string amountCny)
    {
        var record = new PaymentRecord { Amount = decimal.Parse(amount, Invariant), AmountCny = decimal.Parse(amountCny, Invariant) };

        Assert.Equal(amountCny, record.AmountCny.ToString(Invariant));
        Assert.Equal(amount, record.Amount.ToString(Invariant));
    }

    [Fact]
    public void With_AnotherAmount_KeepsTheCnyAmount()
    {
        var record = new PaymentRecord { Amount = 30m, AmountCny = 30m, Currency = "CNY", City = "Shanghai" };

        var changed = record with { Amount = 40m };

        Assert.Equal((40m, 30m, "CNY", "Shanghai"), (changed.Amount, changed.AmountCny, changed.Currency, changed.City));
    }

    [Fact]
    public void Observe_PaymentsToOnePayeeFromOneDevice_ShareOneContext()
    {
        var profile = Observed(Payment(T0, 10m, "acc_a"), Payment(T0.AddMinutes(1), 20m, "acc_b"), Payment(T0.AddMinutes(2), 30m, "acc_a"));

        Assert.Same(profile.Payments[0].Context, profile.Payments[2].Context);
        Assert.NotSame(profile.Payments[0].Context, profile.Payments[1].Context);
        Assert.Equal(("acc_a", HomeDevice, "CN", Home, "CNY"), (profile.Payments[2].PayeeAccountId, profile.Payments[2].DeviceId, profile.Payments[2].Country, profile.Payments[2].City, profile.Payments[2].Currency));
    }

    [Fact]
    public void Read_WindowOfPayments_SharesContextsAndWritesBackTheSamePayload()
    {
        var profile = Observed(Payment(T0, 10m, "acc_a"), Payment(T0.AddMinutes(1), 100m, "acc_b", currency: "USD"), Payment(T0.AddMinutes(2), 30m, "acc_a"));
        var serializer = new StateJsonSerializer();
        var json = serializer.Serialize(profile);

        var read = serializer.Deserialize<BehaviourProfile>(json);

        Assert.Same(read.Payments[0].Context, read.Payments[2].Context);
        Assert.Equal(710.00m, read.Payments[1].AmountCny);
        Assert.Equal(profile.Payments, read.Payments);
        Assert.Equal(json.ToString(), serializer.Serialize(read).ToString());
    }

    [Theory]
    [InlineData("10.5", "10.5", true)]
    [InlineData("10.5", "10.50", false)]
    [InlineData("-1", "1", false)]
    public void Same_ValueAndScale(string a, string b, bool same) =>
        Assert.Equal(same, ExactDecimal.Same(decimal.Parse(a, Invariant), decimal.Parse(b, Invariant)));
}
