using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;

namespace Orleans.Fin.UnitTests.Api;

public sealed class RequestValidatorTests
{
    [Fact]
    public void ThrowIfInvalid_NoErrors_DoesNotThrow()
    {
        var validator = new RequestValidator()
            .Required("name", "Li Lei")
            .Optional("city", null)
            .Amount("amount", 10.5m)
            .Currency("currency", "HKD")
            .OneOf("channel", "app", ["app", "qr"])
            .Id("accountId", FinIds.New(IdPrefixes.Account, DateTimeOffset.UnixEpoch), IdPrefixes.Account)
            .Check(true, "otp", "never");

        Assert.Null(Record.Exception(validator.ThrowIfInvalid));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_Blank_IsRequiredError(string? value) =>
        Assert.Equal(["name is required."], Errors(v => v.Required("name", value))["name"]);

    [Fact]
    public void Required_LongerThanMax_IsLengthError()
    {
        Assert.Equal(["name must be at most 5 characters."], Errors(v => v.Required("name", "abcdef", 5))["name"]);
        Assert.Empty(Errors(v => v.Required("name", "abcde", 5)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("abcdef")]
    public void Optional_GivenButBlankOrTooLong_IsError(string value) =>
        Assert.Single(Errors(v => v.Optional("city", value, 5))["city"]);

    [Fact]
    public void Optional_Null_IsAccepted() => Assert.Empty(Errors(v => v.Optional("city", null, 5)));

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("1.001")]
    [InlineData("1000000000.01")]
    public void Amount_Invalid_UsesMoneyRulesMessage(string? amount)
    {
        decimal? value = amount is null ? null : decimal.Parse(amount);

        Assert.Equal([MoneyRules.Validate(value)!], Errors(v => v.Amount("amount", value))["amount"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("JPY")]
    [InlineData("usd")]
    public void Currency_Unsupported_IsError(string? currency) =>
        Assert.Equal(["currency must be one of CNY, USD, EUR, HKD."], Errors(v => v.Currency("currency", currency))["currency"]);

    [Theory]
    [InlineData(null)]
    [InlineData("APP")]
    [InlineData("web")]
    public void OneOf_ValueNotAllowed_IsError(string? channel) =>
        Assert.Equal(["channel must be one of app, qr."], Errors(v => v.OneOf("channel", channel, ["app", "qr"]))["channel"]);

    [Theory]
    [InlineData(null)]
    [InlineData("acc_123")]
    [InlineData("cus_01ARZ3NDEKTSV4RRFFQ69G5FAV")]
    public void Id_NotAnIdWithThePrefix_IsError(string? id) =>
        Assert.Single(Errors(v => v.Id("accountId", id, IdPrefixes.Account))["accountId"]);

    [Fact]
    public void Check_False_AddsTheMessage() =>
        Assert.Equal(["otp must be 4 to 10 digits."], Errors(v => v.Check(false, "otp", "otp must be 4 to 10 digits."))["otp"]);

    [Fact]
    public void ThrowIfInvalid_SeveralErrors_ReportsAllFieldsAndMessages()
    {
        var errors = Errors(v => v
            .Required("name", null)
            .Amount("amount", 0m)
            .Check(false, "amount", "amount is odd.")
            .Currency("currency", "JPY"));

        Assert.Equal(["amount", "currency", "name"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["amount must be greater than 0.", "amount is odd."], errors["amount"]);
    }

    private static IReadOnlyDictionary<string, string[]> Errors(Action<RequestValidator> validate)
    {
        var validator = new RequestValidator();
        validate(validator);
        var exception = Record.Exception(validator.ThrowIfInvalid);
        return exception is null ? new Dictionary<string, string[]>() : Assert.IsType<ApiValidationException>(exception).Errors;
    }
}
