using System.Text.Json.Serialization;
using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// Persisted beside an account's own state (JSON; new members need defaults): the settled legs the account no longer
/// writes with every posting, moved here in bulk by <see cref="Domain.LegRetention.Archive"/>. Rewritten only when legs
/// move in, so a busy account writes them once per <see cref="Domain.LegRetention.ArchiveThreshold"/> settled legs.
/// </summary>
public sealed class SettledLegsState : IJsonOnDeserialized
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Batches of settled transfer ids, oldest first; never changed once stored.</summary>
    public List<SettledLegs> Batches { get; set; } = [];

    /// <summary>Read back, the batches keep no spare room (<see cref="ListRoom"/>).</summary>
    void IJsonOnDeserialized.OnDeserialized() => ListRoom.Fit(Batches);
}
