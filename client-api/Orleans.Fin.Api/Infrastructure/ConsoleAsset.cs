namespace Orleans.Fin.Api.Infrastructure;

/// <summary>One console file: its bytes, content type and an entity tag derived from its content.</summary>
public sealed record ConsoleAsset(byte[] Content, string ContentType, string ETag);
