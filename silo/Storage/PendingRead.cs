using Npgsql;
using NpgsqlTypes;

namespace Orleans.Fin.Silo.Storage;

/// <summary>A read of one grain's row: its payload (null when cleared) and version, or nothing when there is no row.</summary>
internal sealed class PendingRead(string serviceId, GrainRowKey key) : PendingOperation
{
    public byte[]? Payload { get; private set; }

    public int? Version { get; private set; }

    public override NpgsqlBatchCommand ToCommand()
    {
        var command = new NpgsqlBatchCommand("SELECT payload, version FROM orleans_storage_read($1, $2, $3, $4, $5)");
        command.Parameters.Add(Parameter(NpgsqlDbType.Text, serviceId));
        command.Parameters.Add(Parameter(NpgsqlDbType.Text, key.GrainType));
        command.Parameters.Add(Parameter(NpgsqlDbType.Bigint, key.N0));
        command.Parameters.Add(Parameter(NpgsqlDbType.Bigint, key.N1));
        command.Parameters.Add(Parameter(NpgsqlDbType.Text, key.Extension));
        return command;
    }

    public override async Task ReadAnswerAsync(NpgsqlDataReader reader)
    {
        if (await reader.ReadAsync())
        {
            Payload = await reader.IsDBNullAsync(0) ? null : reader.GetFieldValue<byte[]>(0);
            Version = await reader.IsDBNullAsync(1) ? null : reader.GetInt32(1);
        }
    }
}
