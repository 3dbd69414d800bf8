namespace Orleans.Fin.Api.Contracts;

public sealed record DevTokenRequest(string? Subject, IReadOnlyList<string>? Roles);

public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);
