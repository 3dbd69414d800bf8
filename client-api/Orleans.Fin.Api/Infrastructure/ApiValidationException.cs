namespace Orleans.Fin.Api.Infrastructure;

/// <summary>Field errors found by client-api before any grain is called.</summary>
public sealed class ApiValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The request is invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ApiValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
