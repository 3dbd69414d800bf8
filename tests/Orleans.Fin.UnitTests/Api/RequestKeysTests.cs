using Microsoft.Extensions.Options;
using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.UnitTests.Api;

public sealed class RequestKeysTests
{
    private readonly RequestKeys _keys = Keys(new string('s', 32));

    [Fact]
    public void Fingerprint_TenAndTenPointZeroZero_AreTheSame() =>
        Assert.Equal(
            RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10m, "CNY"),
            RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10.00m, "CNY"));

    [Fact]
    public void Fingerprint_NullableAmount_IsTheSameAsTheAmount() =>
        Assert.Equal(RequestKeys.Fingerprint("deposit", (decimal?)10.5m), RequestKeys.Fingerprint("deposit", 10.50m));

    [Fact]
    public void Fingerprint_OtherAmount_Differs() =>
        Assert.NotEqual(
            RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10m, "CNY"),
            RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10.01m, "CNY"));

    [Fact]
    public void Fingerprint_OtherField_Differs()
    {
        var original = RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10m, "CNY", "app");

        Assert.NotEqual(original, RequestKeys.Fingerprint("payment", "acc_A", "acc_C", 10m, "CNY", "app"));
        Assert.NotEqual(original, RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10m, "USD", "app"));
        Assert.NotEqual(original, RequestKeys.Fingerprint("payment", "acc_A", "acc_B", 10m, "CNY", "qr"));
        Assert.NotEqual(original, RequestKeys.Fingerprint("withdrawal", "acc_A", "acc_B", 10m, "CNY", "app"));
    }

    [Fact]
    public void Fingerprint_SameValuesInOtherFields_Differs() =>
        Assert.NotEqual(RequestKeys.Fingerprint("payment", "acc_A", "acc_B"), RequestKeys.Fingerprint("payment", "acc_B", "acc_A"));

    [Fact]
    public void Fingerprint_MissingOptionalField_DiffersFromAGivenOne() =>
        Assert.NotEqual(RequestKeys.Fingerprint("payment", 10m, null), RequestKeys.Fingerprint("payment", 10m, "Shanghai"));

    [Fact]
    public void Fingerprint_Always_IsSha256Hex()
    {
        var fingerprint = RequestKeys.Fingerprint("deposit", "acc_A", 1m);

        Assert.Equal(64, fingerprint.Length);
        Assert.All(fingerprint, c => Assert.True(Uri.IsHexDigit(c)));
    }

    [Fact]
    public void MovementId_SameInputs_IsDeterministic() =>
        Assert.Equal(
            _keys.MovementId(MovementKind.Payment, "cus_1", "key-1"),
            Keys(new string('s', 32)).MovementId(MovementKind.Payment, "cus_1", "key-1"));

    [Fact]
    public void MovementId_OtherSubject_Differs() =>
        Assert.NotEqual(_keys.MovementId(MovementKind.Payment, "cus_1", "key-1"), _keys.MovementId(MovementKind.Payment, "cus_2", "key-1"));

    [Fact]
    public void MovementId_OtherKey_Differs() =>
        Assert.NotEqual(_keys.MovementId(MovementKind.Payment, "cus_1", "key-1"), _keys.MovementId(MovementKind.Payment, "cus_1", "key-2"));

    [Fact]
    public void MovementId_OtherKind_Differs()
    {
        var deposit = _keys.MovementId(MovementKind.Deposit, "cus_1", "key-1");
        var withdrawal = _keys.MovementId(MovementKind.Withdrawal, "cus_1", "key-1");

        Assert.NotEqual(deposit[4..], withdrawal[4..]);
        Assert.NotEqual(deposit[4..], _keys.MovementId(MovementKind.Payment, "cus_1", "key-1")[4..]);
    }

    [Fact]
    public void MovementId_OtherSecret_Differs() =>
        Assert.NotEqual(_keys.MovementId(MovementKind.Payment, "cus_1", "key-1"), Keys(new string('t', 32)).MovementId(MovementKind.Payment, "cus_1", "key-1"));

    [Theory]
    [InlineData(MovementKind.Deposit, IdPrefixes.Deposit)]
    [InlineData(MovementKind.Withdrawal, IdPrefixes.Withdrawal)]
    [InlineData(MovementKind.Payment, IdPrefixes.Payment)]
    public void MovementId_Kind_HasItsPrefix(MovementKind kind, string prefix) =>
        Assert.True(FinIds.HasPrefix(_keys.MovementId(kind, "cus_1", "key-1"), prefix));

    [Fact]
    public void IdentityIndexKey_LowercaseX_IsTheSameAsUppercase() =>
        Assert.Equal(_keys.IdentityIndexKey("11010519491231002x"), _keys.IdentityIndexKey("11010519491231002X"));

    [Fact]
    public void IdentityIndexKey_OtherNumber_Differs() =>
        Assert.NotEqual(_keys.IdentityIndexKey("11010519491231002X"), _keys.IdentityIndexKey("320106199003071234"));

    [Fact]
    public void IdentityIndexKey_Always_HidesTheNumber()
    {
        var key = _keys.IdentityIndexKey("320106199003071234");

        Assert.Equal(64, key.Length);
        Assert.DoesNotContain("19900307", key, StringComparison.Ordinal);
    }

    private static RequestKeys Keys(string secret) =>
        new(Options.Create(new SecurityOptions { IdempotencySecret = secret, IdentityPepper = new string('p', 32) }));
}
