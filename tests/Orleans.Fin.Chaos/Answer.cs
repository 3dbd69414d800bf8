using System.Text.Json;

namespace Orleans.Fin.Chaos;

/// <summary>
/// What one HTTP request got back: a status and body, or why no answer arrived. An answer is lost
/// when the connection failed, the request timed out or the server answered 5xx: the client cannot
/// know whether anything happened.
/// </summary>
public sealed record Answer(int Status, JsonElement? Body, string? Failure, TimeSpan Elapsed)
{
    public bool IsLost => Failure is not null || Status >= 500;

    public bool IsCreated => Status == 201 && Body is not null;

    public string Describe() => Failure ?? Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string? Text(string property) =>
        Body is { } body && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
