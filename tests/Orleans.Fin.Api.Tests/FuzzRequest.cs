namespace Orleans.Fin.Api.Tests;

/// <summary>One generated bad request: where it goes, who it claims to be, and what it carries.</summary>
internal sealed record FuzzRequest(
    string Method,
    string Path,
    string TokenKind,
    string? Token,
    string? Body,
    string? ContentType,
    string? Accept,
    string? IdempotencyKey)
{
    public override string ToString() =>
        $"{Method} {Path} token={TokenKind} accept={Accept ?? "-"} type={ContentType ?? "-"} key={(IdempotencyKey is null ? "-" : IdempotencyKey.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))} body={Shorten(Body)}";

    private static string Shorten(string? body) => body is null ? "-" : body.Length > 80 ? body[..80] + $"…({body.Length})" : body;
}
