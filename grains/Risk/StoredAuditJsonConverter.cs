using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Writes a <see cref="StoredAudit"/> as the JSON object the record wrote when it was a class (the same members in the
/// same order, nulls left out, texts escaped alike), but from its held form: the reference is written from its bits and
/// the text decoded into a buffer, so writing a state makes no string per record. Reads that object (in any member order)
/// encoding the text once.
/// </summary>
public sealed class StoredAuditJsonConverter : JsonConverter<StoredAudit>
{
    private const int StackBytes = 512;

    private static readonly JsonEncodedText SequenceName = JsonEncodedText.Encode(nameof(StoredAudit.Sequence));
    private static readonly JsonEncodedText ActionName = JsonEncodedText.Encode(nameof(StoredAudit.Action));
    private static readonly JsonEncodedText AtName = JsonEncodedText.Encode(nameof(StoredAudit.At));
    private static readonly JsonEncodedText ScoreName = JsonEncodedText.Encode(nameof(StoredAudit.Score));
    private static readonly JsonEncodedText LevelName = JsonEncodedText.Encode(nameof(StoredAudit.Level));

    // The members that are texts, by their index in Texts.
    private const int CustomerId = 0, By = 1, Why = 2, ModelVersion = 3, Decision = 4, AccountId = 5, CaseId = 6, Reference = 7;

    private static readonly JsonEncodedText[] Texts =
    [
        .. new[]
        {
            nameof(StoredAudit.CustomerId), nameof(StoredAudit.By), nameof(StoredAudit.Why), nameof(StoredAudit.ModelVersion),
            nameof(StoredAudit.Decision), nameof(StoredAudit.AccountId), nameof(StoredAudit.CaseId), nameof(StoredAudit.Reference),
        }.Select(name => JsonEncodedText.Encode(name)),
    ];

    public override StoredAudit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An audit record is stored as an object.");
        }

        var strings = (JsonConverter<string>)options.GetConverter(typeof(string));
        long sequence = 0;
        AuditAction action = default;
        DateTimeOffset at = default;
        int? score = null;
        RiskLevel? level = null;
        var texts = new string?[Texts.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            reader.Read();
            if (name.ValueTextEquals(SequenceName.EncodedUtf8Bytes))
            {
                sequence = reader.GetInt64();
            }
            else if (name.ValueTextEquals(ActionName.EncodedUtf8Bytes))
            {
                action = (AuditAction)reader.GetInt32();
            }
            else if (name.ValueTextEquals(AtName.EncodedUtf8Bytes))
            {
                at = reader.GetDateTimeOffset();
            }
            else if (name.ValueTextEquals(ScoreName.EncodedUtf8Bytes))
            {
                score = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else if (name.ValueTextEquals(LevelName.EncodedUtf8Bytes))
            {
                level = reader.TokenType == JsonTokenType.Null ? null : (RiskLevel)reader.GetInt32();
            }
            else if (TextIndex(ref name) is var index and >= 0)
            {
                texts[index] = reader.TokenType == JsonTokenType.Null ? null : strings.Read(ref reader, typeof(string), options);
            }
            else
            {
                reader.Skip();
            }
        }

        // The text is encoded once, against the reference wherever it stood in the object.
        return new StoredAudit(texts[Why], texts[Reference])
        {
            Sequence = sequence,
            Action = action,
            Context = new AuditContext(texts[CustomerId]!, texts[By]!, texts[ModelVersion]!, texts[AccountId], texts[Decision], texts[CaseId]),
            At = at,
            Score = score,
            Level = level,
        };
    }

    public override void Write(Utf8JsonWriter writer, StoredAudit value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var context = value.Context;
        writer.WriteStartObject();
        writer.WriteNumber(SequenceName, value.Sequence);
        writer.WriteNumber(ActionName, (int)value.Action);
        WriteIfSet(writer, Texts[CustomerId], context.CustomerId);
        writer.WriteString(AtName, value.At);
        WriteIfSet(writer, Texts[By], context.By);
        WriteWhyAndReference(writer, value, context);
        writer.WriteEndObject();
    }

    private static void WriteWhyAndReference(Utf8JsonWriter writer, StoredAudit value, AuditContext context)
    {
        var reference = value.HeldReference;
        Span<byte> packed = stackalloc byte[CompactId.MaxPackedLength];
        var isPacked = reference.TryWritePacked(packed, out var packedLength);
        var referenceText = isPacked ? null : reference.Text; // the string held, not a new one

        var held = value.HeldWhy;
        byte[]? rentedReference = null;
        byte[]? rentedText = null;
        try
        {
            var referenceUtf8 = isPacked ? packed[..packedLength] : Utf8(referenceText, held, ref rentedReference);
            var length = AuditText.DecodedLength(held, referenceUtf8.Length);
            var text = length <= StackBytes ? stackalloc byte[StackBytes] : (rentedText = ArrayPool<byte>.Shared.Rent(length));
            writer.WriteString(Texts[Why], text[..AuditText.Decode(held, referenceUtf8, text)]);
            WriteIfSet(writer, Texts[ModelVersion], context.ModelVersion);
            if (value.Score is { } score)
            {
                writer.WriteNumber(ScoreName, score);
            }

            if (value.Level is { } level)
            {
                writer.WriteNumber(LevelName, (int)level);
            }

            WriteIfSet(writer, Texts[Decision], context.Decision);
            WriteIfSet(writer, Texts[AccountId], context.AccountId);
            WriteIfSet(writer, Texts[CaseId], context.CaseId);
            if (isPacked)
            {
                writer.WriteString(Texts[Reference], referenceUtf8);
            }
            else
            {
                WriteIfSet(writer, Texts[Reference], referenceText);
            }
        }
        finally
        {
            Return(rentedReference);
            Return(rentedText);
        }
    }

    /// <summary>A reference held as a string, as UTF-8: only needed when the text leaves it out (then it is ASCII).</summary>
    private static ReadOnlySpan<byte> Utf8(string? reference, ReadOnlySpan<byte> held, ref byte[]? rented)
    {
        if (string.IsNullOrEmpty(reference) || !held.Contains(AuditText.ReferenceMark))
        {
            return [];
        }

        rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(reference));
        return rented.AsSpan(0, Encoding.UTF8.GetBytes(reference, rented));
    }

    private static void WriteIfSet(Utf8JsonWriter writer, JsonEncodedText name, string? text)
    {
        if (text is not null)
        {
            writer.WriteString(name, text);
        }
    }

    private static int TextIndex(ref Utf8JsonReader name)
    {
        for (var i = 0; i < Texts.Length; i++)
        {
            if (name.ValueTextEquals(Texts[i].EncodedUtf8Bytes))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
