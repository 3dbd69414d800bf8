namespace Orleans.Fin.Common;

/// <summary>A refused request, raised by a grain and translated into RFC 9457 problem details by client-api.</summary>
[GenerateSerializer, Alias("fin.FinException")]
public sealed class FinException : Exception
{
    public FinException()
    {
    }

    public FinException(string message)
        : base(message)
    {
    }

    public FinException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FinException(FinErrorCode code, string message, string? field = null)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    [Id(0)]
    public FinErrorCode Code { get; init; }

    /// <summary>The request field at fault, for validation errors.</summary>
    [Id(1)]
    public string? Field { get; init; }

    public static FinException NotFound(string what) => new(FinErrorCode.NotFound, $"{what} was not found.");
}
