using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class MovementValidationTests
{
    private const string From = "acc_FROM";
    private const string To = "acc_TO";

    [Theory]
    [InlineData(MovementKind.Deposit, null, To)]
    [InlineData(MovementKind.Withdrawal, From, null)]
    [InlineData(MovementKind.Payment, From, To)]
    public void Validate_CompleteRequest_DoesNotThrow(MovementKind kind, string? from, string? to)
    {
        var exception = Record.Exception(() => MovementValidation.Validate(Movements.Request(kind, from, to)));

        Assert.Null(exception);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.234")]
    [InlineData("1000000000.01")]
    public void Validate_InvalidAmount_IsValidationErrorOnAmount(string amount)
    {
        var error = Assert.Throws<FinException>(() => MovementValidation.Validate(Movements.Request(MovementKind.Payment, From, To, decimal.Parse(amount))));

        Assert.Equal(FinErrorCode.Validation, error.Code);
        Assert.Equal("amount", error.Field);
    }

    [Theory]
    [InlineData(MovementKind.Deposit, From, null)]
    [InlineData(MovementKind.Withdrawal, null, To)]
    [InlineData(MovementKind.Payment, null, To)]
    [InlineData(MovementKind.Payment, From, null)]
    [InlineData(MovementKind.Payment, null, null)]
    public void Validate_MissingAccount_IsValidationError(MovementKind kind, string? from, string? to)
    {
        var error = Assert.Throws<FinException>(() => MovementValidation.Validate(Movements.Request(kind, from, to)));

        Assert.Equal(FinErrorCode.Validation, error.Code);
        Assert.Contains("accounts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PaymentToTheSameAccount_IsValidationErrorOnToAccountId()
    {
        var error = Assert.Throws<FinException>(() => MovementValidation.Validate(Movements.Request(MovementKind.Payment, From, From)));

        Assert.Equal(FinErrorCode.Validation, error.Code);
        Assert.Equal("toAccountId", error.Field);
    }

    [Theory]
    [InlineData("JPY")]
    [InlineData("cny")]
    [InlineData("")]
    public void Validate_PaymentInUnsupportedCurrency_IsValidationErrorOnCurrency(string currency)
    {
        var error = Assert.Throws<FinException>(() => MovementValidation.Validate(Movements.Request(MovementKind.Payment, From, To, currency: currency)));

        Assert.Equal(FinErrorCode.Validation, error.Code);
        Assert.Equal("currency", error.Field);
    }
}
