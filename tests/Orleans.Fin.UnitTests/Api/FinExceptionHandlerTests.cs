using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Orleans.Fin.Api.Infrastructure;
using Orleans.Fin.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Orleans.Fin.UnitTests.Api;

public sealed class FinExceptionHandlerTests
{
    private const string Secret = "Host=db;Password=hunter2 at Orleans.Fin.Something.Do()";

    public static TheoryData<FinErrorCode, int, string> ErrorCodes => new()
    {
        { FinErrorCode.Validation, StatusCodes.Status400BadRequest, ProblemTypes.Validation },
        { FinErrorCode.NotFound, StatusCodes.Status404NotFound, ProblemTypes.NotFound },
        { FinErrorCode.Conflict, StatusCodes.Status409Conflict, ProblemTypes.Conflict },
        { FinErrorCode.IdempotencyConflict, StatusCodes.Status409Conflict, ProblemTypes.IdempotencyConflict },
        { FinErrorCode.Forbidden, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden },
        { FinErrorCode.BusinessRule, StatusCodes.Status422UnprocessableEntity, ProblemTypes.BusinessRule },
    };

    public static TheoryData<Exception> Unavailable => new()
    {
        new TimeoutException("Response did not arrive on time in 00:00:30 for message: Request S127.0.0.1:11111"),
        new SiloUnavailableException("silo S127.0.0.1:11111 is dead"),
        new ConnectionFailedException("connection refused to 10.0.0.5:30000"),
    };

    public static TheoryData<Exception> Unknown => new()
    {
        new InvalidOperationException(Secret),
        new KeyNotFoundException(Secret),
        new OrleansException(Secret),
        new AggregateException(Secret, new InvalidOperationException(Secret)),
    };

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void Describe_FinException_MapsCodeToStatusAndType(FinErrorCode code, int status, string type)
    {
        var problem = FinExceptionHandler.Describe(new FinException(code, "The thing was refused."));

        Assert.Equal(status, problem.Status);
        Assert.Equal(type, problem.Type);
        Assert.Equal("The thing was refused.", problem.Detail);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
    }

    [Fact]
    public void Describe_EveryFinErrorCode_HasItsOwnProblemType()
    {
        var types = Enum.GetValues<FinErrorCode>().Select(c => FinExceptionHandler.Describe(new FinException(c, "x")).Type).ToList();

        Assert.DoesNotContain(ProblemTypes.Internal, types);
        Assert.Equal(types.Count, types.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Describe_ValidationFinExceptionWithField_ListsTheFieldError()
    {
        var problem = FinExceptionHandler.Describe(new FinException(FinErrorCode.Validation, "amount must be greater than 0.", "amount"));

        var validation = Assert.IsType<HttpValidationProblemDetails>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, validation.Status);
        Assert.Equal(ProblemTypes.Validation, validation.Type);
        Assert.Equal(["amount must be greater than 0."], validation.Errors["amount"]);
    }

    [Fact]
    public void Describe_ApiValidationException_IsValidationProblemWithAllErrors()
    {
        var exception = new ApiValidationException(new Dictionary<string, string[]>
        {
            ["amount"] = ["amount is required."],
            ["currency"] = ["currency must be one of CNY, USD, EUR, HKD."],
        });

        var problem = Assert.IsType<HttpValidationProblemDetails>(FinExceptionHandler.Describe(exception));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Equal(ProblemTypes.Validation, problem.Type);
        Assert.Equal(["amount", "currency"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("amount is required.", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("currency must be one of", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_BadHttpRequestWithJsonError_IsMalformedRequestNamingThePath()
    {
        var json = new JsonException("'x' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 11.", "$.amount", 0, 11);

        var problem = FinExceptionHandler.Describe(new BadHttpRequestException("Failed to read parameter from the request body as JSON.", StatusCodes.Status400BadRequest, json));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Equal(ProblemTypes.MalformedRequest, problem.Type);
        Assert.Equal("The JSON body is invalid at $.amount.", problem.Detail);
    }

    [Fact]
    public void Describe_BadHttpRequestTooLarge_KeepsItsStatus()
    {
        var problem = FinExceptionHandler.Describe(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem.Status);
        Assert.Equal(ProblemTypes.ForStatus(StatusCodes.Status413PayloadTooLarge).Type, problem.Type);
        Assert.StartsWith(ProblemTypes.Base, problem.Type, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_JsonExceptionWithoutPath_IsMalformedRequestWithoutTheParserMessage()
    {
        var problem = FinExceptionHandler.Describe(new JsonException("Unexpected character at Orleans.Fin.Internal"));

        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        Assert.Equal(ProblemTypes.MalformedRequest, problem.Type);
        Assert.Equal("The body is not valid JSON.", problem.Detail);
    }

    [Theory]
    [MemberData(nameof(Unavailable))]
    public void Describe_ClusterUnavailable_Is503Unavailable(Exception exception)
    {
        var problem = FinExceptionHandler.Describe(exception);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.Status);
        Assert.Equal(ProblemTypes.Unavailable, problem.Type);
        Assert.DoesNotContain(exception.Message, problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Unknown))]
    public void Describe_UnknownException_Is500WithoutItsMessage(Exception exception)
    {
        var problem = FinExceptionHandler.Describe(exception);

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.Status);
        Assert.Equal(ProblemTypes.Internal, problem.Type);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.DoesNotContain("hunter2", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem.Title, StringComparison.Ordinal);
        Assert.Empty(problem.Extensions);
    }

    [Fact]
    public void Describe_FinExceptionWithUndefinedCode_Is500Internal()
    {
        var problem = FinExceptionHandler.Describe(new FinException((FinErrorCode)99, "odd"));

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.Status);
        Assert.Equal(ProblemTypes.Internal, problem.Type);
    }
}
