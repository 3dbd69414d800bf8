namespace Orleans.Fin.Models;

/// <summary>The saved bytes of one model version (an ML.NET zip) and its card as JSON (what the loader needs beside the zip).</summary>
[GenerateSerializer, Immutable, Alias("fin.ModelWeights")]
public sealed record ModelWeights(string Name, string Version, byte[] Model, string CardJson);
