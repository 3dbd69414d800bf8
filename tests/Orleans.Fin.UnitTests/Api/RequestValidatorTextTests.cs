using Orleans.Fin.Api.Hosting;
using Orleans.Fin.Api.Infrastructure;
using Serilog.Events;

namespace Orleans.Fin.UnitTests.Api;

/// <summary>Text without control characters, money figures with 2 decimals, and the level a request is logged at.</summary>
public sealed class RequestValidatorTextTests
{
    [Theory]
    [InlineData("Li\0Lei")]
    [InlineData("bell\a")]
    [InlineData("line\nbreak")]
    [InlineData("tab\tbed")]
    [InlineData("esc\u001b[31m")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    [InlineData("sep\u2028")]
    [InlineData("lone\ud800")]
    [InlineData("\udc00lone")]
    public void Required_ControlCharacter_IsRefused(string value)
    {
        var error = Assert.Throws<ApiValidationException>(() => new RequestValidator().Required("name", value).ThrowIfInvalid());

        Assert.Equal(["name must not contain control characters."], error.Errors["name"]);
    }

    [Fact]
    public void Optional_ControlCharacter_IsRefused()
    {
        var error = Assert.Throws<ApiValidationException>(() => new RequestValidator().Optional("city", "Shang\0hai").ThrowIfInvalid());

        Assert.Equal(["city must not contain control characters."], error.Errors["city"]);
    }

    [Theory]
    [InlineData("李雷")]
    [InlineData("Zoë O'Brien-Smith")]
    [InlineData("emoji \ud83d\ude00 pair")]
    public void Required_PrintableUnicode_IsAccepted(string value) =>
        Assert.Null(Record.Exception(() => new RequestValidator().Required("name", value).ThrowIfInvalid()));

    [Theory]
    [InlineData("0.0000000000000000000000000001", false, false)]
    [InlineData("0.001", false, false)]
    [InlineData("-0.01", false, false)]
    [InlineData("1000000000.01", false, false)]
    [InlineData("0", false, true)]
    [InlineData("0", true, false)]
    [InlineData("0.01", true, true)]
    [InlineData("1000000000", true, true)]
    public void MoneyFigure_Values_AcceptedOnlyWithTwoDecimalsInRange(string text, bool positive, bool expected)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var error = Record.Exception(new RequestValidator().MoneyFigure("price", value, required: true, positive: positive).ThrowIfInvalid);

        Assert.Equal(expected, error is null);
    }

    [Fact]
    public void MoneyFigure_MissingWhenRequired_IsRefused() =>
        Assert.Throws<ApiValidationException>(() => new RequestValidator().MoneyFigure("expenses", null, required: true).ThrowIfInvalid());

    [Fact]
    public void MoneyFigure_MissingWhenOptional_Passes() =>
        Assert.Null(Record.Exception(() => new RequestValidator().MoneyFigure("income", null, required: false).ThrowIfInvalid()));

    [Theory]
    [InlineData(200, LogEventLevel.Information)]
    [InlineData(400, LogEventLevel.Information)]
    [InlineData(404, LogEventLevel.Information)]
    [InlineData(422, LogEventLevel.Information)]
    [InlineData(401, LogEventLevel.Warning)]
    [InlineData(403, LogEventLevel.Warning)]
    [InlineData(429, LogEventLevel.Warning)]
    [InlineData(503, LogEventLevel.Warning)]
    [InlineData(500, LogEventLevel.Error)]
    public void RequestLogLevel_Status_IsErrorOnlyForServerFaults(int status, LogEventLevel expected) =>
        Assert.Equal(expected, ObservabilityExtensions.RequestLogLevel(status, null));
}
