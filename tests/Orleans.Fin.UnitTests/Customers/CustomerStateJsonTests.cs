using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.UnitTests.Customers;

/// <summary>
/// Customer states as stored read back and write back byte for byte, however the state holds its lists in memory (the
/// literals below are what the state wrote while its lists were <see cref="List{T}"/>s).
/// </summary>
public sealed class CustomerStateJsonTests
{
    private readonly StateJsonSerializer _serializer = new();

    // A customer as the platform stores most of them: one device, one account, nothing else yet.
    private const string StoredTypical =
        """{"SchemaVersion":2,"Exists":true,"Name":"Li Wei","MaskedIdNumber":"3****************X","BirthDate":"1990-05-17","RegionCode":"31","Phone":"13800138000","KycStatus":1,"RiskLevel":0,"Devices":["dev-4f1c"],"AccountIds":["acc_01M8PQ1FPKC6N0Q452MX13PFVM"],"PortfolioIds":[],"CreatedAt":"2026-11-30T17:11:33+00:00","LastLoginAt":"2026-11-30T17:20:05.123+00:00","BindingChallenges":[]}""";

    // Every list filled: two devices, two accounts, a portfolio, an assessment and a device-binding code outstanding.
    private const string StoredFull =
        """{"SchemaVersion":2,"Exists":true,"Name":"Wang Fang","MaskedIdNumber":"1****************7","BirthDate":"1985-01-02","RegionCode":"11","Phone":"13900139000","KycStatus":1,"RiskLevel":1,"CreditScore":712,"Devices":["dev-a","dev-b"],"AccountIds":["acc_01M8PQ1FPKC6N0Q452MX13PFVM","acc_01M8PQ1FMFCKEQNKN7HR2F7FC9"],"PortfolioIds":["pf_01M8PQ1FMFCKEQNKN7HR2F7FD0"],"Assessment":{"Answers":[3,2,4],"Goal":"growth","HorizonYears":5,"RiskLevel":"R3","AssessedAt":"2026-11-29T09:00:00+00:00"},"CreatedAt":"2026-11-01T08:00:00+00:00","BindingChallenges":[{"MovementId":"dev-c","Salt":"c2FsdA==","CodeHash":"aGFzaA==","IssuedAt":"2026-11-30T17:00:00+00:00","ExpiresAt":"2026-11-30T17:05:00+00:00","Attempts":1,"Issues":1,"Used":false,"Exhausted":false}]}""";

    // A customer onboarded before schema 2 (the grain upgrades it on activation, not the reader).
    private const string StoredSchema1 =
        """{"SchemaVersion":1,"Exists":true,"Name":"Zhao Lei","MaskedIdNumber":"310101********123X","BirthDate":"1979-12-31","RegionCode":"310101","Phone":"13700137000","KycStatus":1,"RiskLevel":0,"Devices":["dev-old"],"AccountIds":["acc_01M8PQ1FPKC6N0Q452MX13PFVM"],"PortfolioIds":[],"CreatedAt":"2025-06-01T00:00:00+00:00","BindingChallenges":[]}""";

    // What a customer created today writes before its first change.
    private const string NewState =
        """{"SchemaVersion":2,"Exists":false,"Name":"","MaskedIdNumber":"","BirthDate":"0001-01-01","RegionCode":"","Phone":"","KycStatus":0,"RiskLevel":0,"Devices":[],"AccountIds":[],"PortfolioIds":[],"CreatedAt":"0001-01-01T00:00:00+00:00","BindingChallenges":[]}""";

    [Theory]
    [InlineData(StoredTypical)]
    [InlineData(StoredFull)]
    [InlineData(StoredSchema1)]
    public void Serialize_StoredStateReadBack_WritesTheSameBytes(string stored)
    {
        var state = _serializer.Deserialize<CustomerState>(BinaryData.FromString(stored));

        Assert.Equal(stored, _serializer.Serialize(state).ToString());
    }

    [Fact]
    public void Serialize_NewState_WritesEveryListEmpty()
    {
        Assert.Equal(NewState, _serializer.Serialize(new CustomerState()).ToString());
    }

    [Fact]
    public void Deserialize_StoredFull_ReadsEveryValue()
    {
        var state = _serializer.Deserialize<CustomerState>(BinaryData.FromString(StoredFull));

        Assert.Equal(["dev-a", "dev-b"], state.Devices);
        Assert.Equal(["acc_01M8PQ1FPKC6N0Q452MX13PFVM", "acc_01M8PQ1FMFCKEQNKN7HR2F7FC9"], state.AccountIds);
        Assert.Equal(["pf_01M8PQ1FMFCKEQNKN7HR2F7FD0"], state.PortfolioIds);
        Assert.Equal([3, 2, 4], state.Assessment!.Answers);
        Assert.Equal(712, state.CreditScore);
        var challenge = Assert.Single(state.BindingChallenges);
        Assert.Equal("dev-c", challenge.MovementId);
        Assert.Equal(1, challenge.Attempts);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 5, 0, TimeSpan.Zero), challenge.ExpiresAt);
    }

    [Fact]
    public void Deserialize_StoredTypical_HoldsEachListAtItsExactSize()
    {
        var state = _serializer.Deserialize<CustomerState>(BinaryData.FromString(StoredTypical));

        Assert.Equal(["dev-4f1c"], Assert.IsType<string[]>(state.Devices));
        Assert.Equal(["acc_01M8PQ1FPKC6N0Q452MX13PFVM"], Assert.IsType<string[]>(state.AccountIds));
        Assert.Same(Array.Empty<string>(), state.PortfolioIds);
        Assert.Same(Array.Empty<OtpChallenge>(), state.BindingChallenges);
    }

    [Fact]
    public void Serialize_ListsChangedByAssignment_WritesTheNewItems()
    {
        var state = _serializer.Deserialize<CustomerState>(BinaryData.FromString(StoredTypical));

        state.Devices = [.. state.Devices, "dev-9"];
        state.PortfolioIds = ["pf_1"];
        state.BindingChallenges = [new OtpChallenge { MovementId = "dev-9", Salt = "s", CodeHash = "h", Issues = 1 }];
        var written = _serializer.Serialize(state).ToString();

        Assert.Contains("\"Devices\":[\"dev-4f1c\",\"dev-9\"]", written, StringComparison.Ordinal);
        Assert.Contains("\"PortfolioIds\":[\"pf_1\"]", written, StringComparison.Ordinal);
        Assert.Contains("\"BindingChallenges\":[{\"MovementId\":\"dev-9\",\"Salt\":\"s\",\"CodeHash\":\"h\",", written, StringComparison.Ordinal);
    }
}
