using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Orleans.Fin.Api.Infrastructure;

namespace Orleans.Fin.UnitTests.Api;

public sealed class RequireIdempotencyKeyTests
{
    [Theory]
    [InlineData("k")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("!~payment#42")]
    public void RequireIdempotencyKey_PrintableAscii_ReturnsTheKey(string key) =>
        Assert.Equal(key, RequestKeys.RequireIdempotencyKey(Request(key)));

    [Fact]
    public void RequireIdempotencyKey_64Characters_ReturnsTheKey()
    {
        var key = new string('a', RequestKeys.MaxIdempotencyKeyLength);

        Assert.Equal(key, RequestKeys.RequireIdempotencyKey(Request(key)));
    }

    [Fact]
    public void RequireIdempotencyKey_Missing_IsValidationError() =>
        AssertRefused(new DefaultHttpContext().Request);

    [Fact]
    public void RequireIdempotencyKey_Empty_IsValidationError() => AssertRefused(Request(""));

    [Fact]
    public void RequireIdempotencyKey_65Characters_IsValidationError() =>
        AssertRefused(Request(new string('a', RequestKeys.MaxIdempotencyKeyLength + 1)));

    [Theory]
    [InlineData("key with space")]
    [InlineData(" key")]
    [InlineData("schlüssel")]
    [InlineData("钥匙")]
    [InlineData("key\t1")]
    [InlineData("key\u007f")]
    public void RequireIdempotencyKey_NonPrintableOrNonAscii_IsValidationError(string key) => AssertRefused(Request(key));

    [Fact]
    public void RequireIdempotencyKey_TwoValues_IsValidationError() =>
        AssertRefused(Request(new StringValues(["key-1", "key-2"])));

    private static HttpRequest Request(StringValues key)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[RequestKeys.IdempotencyHeader] = key;
        return context.Request;
    }

    private static void AssertRefused(HttpRequest request)
    {
        var error = Assert.Throws<ApiValidationException>(() => RequestKeys.RequireIdempotencyKey(request));
        Assert.Equal([RequestKeys.IdempotencyHeader], error.Errors.Keys);
    }
}
