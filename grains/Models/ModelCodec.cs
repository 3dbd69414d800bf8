using System.Security.Cryptography;
using System.Text.Json;
using Orleans.Fin.Credit.Model;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Models;

/// <summary>Turns stored model bytes and cards into loaded models and back, and hashes what pins a version.</summary>
public static class ModelCodec
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Sha256(string text) => Sha256(System.Text.Encoding.UTF8.GetBytes(text));

    public static byte[] Save(FraudModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    public static byte[] Save(CreditModel model)
    {
        using var stream = new MemoryStream();
        CreditModelStore.SaveModel(model, stream);
        return stream.ToArray();
    }

    public static string FraudCard(FraudModelInfo info) => JsonSerializer.Serialize(info, Json);

    /// <summary>The credit card with the seed its ML.NET context was created with.</summary>
    public static string CreditCard(CreditModelCard card, int seed) =>
        JsonSerializer.Serialize(new CreditCardEnvelope(seed, CreditModelStore.CardJson(card)), Json);

    /// <summary>Loads stored weights after checking their SHA-256 against the hash the registry pinned.</summary>
    public static LoadedModel Load(ModelWeights weights, string expectedHash)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var actual = Sha256(weights.Model);
        if (!string.Equals(actual, expectedHash, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Model {weights.Name}/{weights.Version} has weights hash {actual}, the registry pinned {expectedHash}.");
        }

        using var stream = new MemoryStream(weights.Model, writable: false);
        if (weights.Name == ModelNames.Fraud)
        {
            var info = JsonSerializer.Deserialize<FraudModelInfo>(weights.CardJson, Json) ?? throw new InvalidDataException("The fraud model card is empty.");
            return new LoadedModel(weights.Version, actual, FraudModel.Load(stream, weights.Version, info.Metrics), null);
        }

        var envelope = JsonSerializer.Deserialize<CreditCardEnvelope>(weights.CardJson, Json) ?? throw new InvalidDataException("The credit model card is empty.");
        var card = CreditModelStore.ParseCard(envelope.Card) with { Version = weights.Version };
        return new LoadedModel(weights.Version, actual, null, CreditModelStore.LoadModel(card, envelope.Seed, stream));
    }

    private sealed record CreditCardEnvelope(int Seed, string Card);
}

/// <summary>A loaded version: exactly one of <see cref="Fraud"/> and <see cref="Credit"/> is set.</summary>
public sealed record LoadedModel(string Version, string WeightsHash, FraudModel? Fraud, CreditModel? Credit);
