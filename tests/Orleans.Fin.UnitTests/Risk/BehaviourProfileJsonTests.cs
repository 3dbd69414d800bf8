using Newtonsoft.Json;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>The profile is persisted as JSON inside the risk grain's state (Newtonsoft, as Orleans grain storage does by default).</summary>
public sealed class BehaviourProfileJsonTests
{
    private static readonly JsonSerializerSettings OrleansLike = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        DefaultValueHandling = DefaultValueHandling.Ignore,
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        PreserveReferencesHandling = PreserveReferencesHandling.Objects,
    };

    [Fact]
    public void RoundTrip_ThroughJson_KeepsEverythingScoringUses()
    {
        var profile = Observed(Established(), Login(T0, "dev_other", "London"), Inflow(T0, 1_000m), Payment(T0.AddMinutes(1), 7_000m, "acc_new", "dev_other", "London"));
        var candidate = Candidate(T0.AddMinutes(3), 8_000m, "acc_new2", device: "dev_other", city: "London");

        var copy = JsonConvert.DeserializeObject<BehaviourProfile>(JsonConvert.SerializeObject(profile, OrleansLike), OrleansLike)!;

        Assert.Equal(24, copy.PaymentHours.Count);
        Assert.Equal(profile.PaymentHours, copy.PaymentHours);
        Assert.Equal(profile.SeenEventDigests, copy.SeenEventDigests);
        Assert.Equal(profile.Payments.Count, copy.Payments.Count);
        Assert.Equal(profile.Amounts.MeanLog, copy.Amounts.MeanLog, 12);
        Assert.Equal(JsonConvert.SerializeObject(FraudFeatureExtractor.Extract(profile, candidate)), JsonConvert.SerializeObject(FraudFeatureExtractor.Extract(copy, candidate)));
        Assert.Equal(RiskRules.Evaluate(profile, RiskEvent.From(candidate), new RiskOptions()), RiskRules.Evaluate(copy, RiskEvent.From(candidate), new RiskOptions()));
    }

    [Fact]
    public void Deserialize_EmptyObject_GivesAnEmptyProfileOfTheCurrentSchema()
    {
        var profile = JsonConvert.DeserializeObject<BehaviourProfile>("{}", OrleansLike)!;

        Assert.Equal(1, profile.SchemaVersion);
        Assert.Empty(profile.Payments);
        Assert.Empty(profile.PaymentHours);
        Assert.True(BehaviourTracker.Observe(profile, Payment(T0, 10m, "acc_a")));
    }
}
