using Npgsql;
using NpgsqlTypes;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// A write, clear or delete of one grain's row, conditional on the version (ETag) the grain last saw. The answer is the
/// row's new version, or null when the row was not at the expected version (nothing changed). A write's payload is read
/// each time its statement is built (a batch, then perhaps a retry alone), so a pooled payload already handed back
/// throws instead of sending another write's bytes.
/// </summary>
internal sealed class PendingWrite(string serviceId, GrainRowKey key, StateChange change, int? expectedVersion, Func<ReadOnlyMemory<byte>>? payload)
    : PendingOperation
{
    public int? NewVersion { get; private set; }

    public StateChange Change => change;

    public override NpgsqlBatchCommand ToCommand()
    {
        var command = new NpgsqlBatchCommand(change switch
        {
            StateChange.Write => "SELECT orleans_storage_write($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            StateChange.Clear => "SELECT orleans_storage_clear($1, $2, $3, $4, $5, $6)",
            _ => "SELECT orleans_storage_delete($1, $2, $3, $4, $5, $6)",
        });
        command.Parameters.Add(Parameter(NpgsqlDbType.Text, serviceId));
        command.Parameters.Add(Parameter(NpgsqlDbType.Text, key.GrainType));
        command.Parameters.Add(Parameter(NpgsqlDbType.Bigint, key.N0));
        command.Parameters.Add(Parameter(NpgsqlDbType.Bigint, key.N1));
        command.Parameters.Add(Parameter(NpgsqlDbType.Text, key.Extension));
        if (change == StateChange.Write)
        {
            command.Parameters.Add(Parameter(NpgsqlDbType.Integer, key.GrainTypeHash));
            command.Parameters.Add(Parameter(NpgsqlDbType.Integer, key.GrainIdHash));
            command.Parameters.Add(Parameter(NpgsqlDbType.Integer, expectedVersion));
            command.Parameters.Add(Parameter(NpgsqlDbType.Bytea, payload?.Invoke()));
        }
        else
        {
            command.Parameters.Add(Parameter(NpgsqlDbType.Integer, expectedVersion));
        }

        return command;
    }

    public override async Task ReadAnswerAsync(NpgsqlDataReader reader)
    {
        NewVersion = await reader.ReadAsync() && !await reader.IsDBNullAsync(0) ? reader.GetInt32(0) : null;
    }
}
