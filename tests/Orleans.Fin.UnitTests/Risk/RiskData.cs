using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>Events, candidates and profiles for the risk tests. Times are China Standard Time around <see cref="T0"/>.</summary>
internal static class RiskData
{
    public const string Customer = "cus_risk";
    public const string HomeDevice = "dev_home";
    public const string Home = "Shanghai";

    public static readonly DateTimeOffset T0 = new(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    private static int _sequence;

    public static string NewId(string prefix) => $"{prefix}_{Interlocked.Increment(ref _sequence)}";

    public static CustomerActivity Login(DateTimeOffset at, string device = HomeDevice, string? city = Home, string? id = null) =>
        new(id ?? NewId("evt"), Customer, ActivityKind.Login, at, DeviceId: device, Ip: "10.0.0.1", Country: "CN", City: city);

    public static CustomerActivity Payment(
        DateTimeOffset at, decimal amount, string payee, string device = HomeDevice, string? city = Home, string currency = "CNY",
        string status = "Completed", string? id = null) =>
        new(id ?? $"{NewId("mov")}:{ActivityKind.PaymentOut}", Customer, ActivityKind.PaymentOut, at, amount, currency, "acc_own", payee, "app",
            device, "10.0.0.1", "CN", city, null, status);

    public static CustomerActivity Inflow(DateTimeOffset at, decimal amount, string from = "acc_employer") =>
        new($"{NewId("mov")}:{ActivityKind.PaymentIn}", Customer, ActivityKind.PaymentIn, at, amount, "CNY", "acc_own", from, Status: "Completed");

    public static PaymentCandidate Candidate(
        DateTimeOffset at, decimal amount, string payee, string device = HomeDevice, bool bound = true, string? city = Home, string currency = "CNY") =>
        new(NewId("mov"), amount, currency, "acc_own", payee, "app", device, bound, "10.0.0.1", "CN", city, null, at);

    /// <summary>The stream event the movement of a candidate publishes.</summary>
    public static CustomerActivity ToActivity(PaymentCandidate c, string status = "Completed") =>
        new($"{c.MovementId}:{ActivityKind.PaymentOut}", Customer, ActivityKind.PaymentOut, c.At, c.Amount, c.Currency, c.FromAccountId, c.ToAccountId,
            c.Channel, c.DeviceId, c.Ip, c.Country, c.City, c.MerchantCategory, status);

    public static BehaviourProfile Observed(params CustomerActivity[] events) => Observed(new BehaviourProfile(), events);

    public static BehaviourProfile Observed(BehaviourProfile profile, params CustomerActivity[] events)
    {
        foreach (var e in events)
        {
            BehaviourTracker.Observe(profile, e);
        }

        return profile;
    }

    /// <summary>
    /// An established customer: for <paramref name="days"/> days before T0 (ending an hour before it), a morning login
    /// and three payments of 60–140 CNY to five usual payees from the home phone in Shanghai.
    /// </summary>
    public static BehaviourProfile Established(int days = 10)
    {
        var profile = new BehaviourProfile();
        for (var day = days; day >= 1; day--)
        {
            var morning = T0.AddDays(-day).AddHours(-1);
            BehaviourTracker.Observe(profile, Login(morning));
            for (var i = 0; i < 3; i++)
            {
                BehaviourTracker.Observe(profile, Payment(morning.AddMinutes(10 + (i * 20)), 60m + (((day * 3) + i) % 5 * 20m), $"acc_usual{((day * 3) + i) % 5}"));
            }
        }

        BehaviourTracker.Observe(profile, Login(T0.AddHours(-1)));
        return profile;
    }
}
