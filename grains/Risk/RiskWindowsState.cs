using System.Text.Json.Serialization;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Persisted beside a risk state written in parts (JSON; new members need defaults): the cold part of its windows, as
/// they were when it was last rewritten. Two of these are kept per customer, in slots 0 and 1, and a write fills the slot
/// the stored state does not refer to, so a write that fails or is lost never touches the part the stored state reads.
/// </summary>
public sealed class RiskWindowsState : IJsonOnDeserialized
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Names this cold part; the state that refers to it holds the same id (<see cref="RiskWindowParts.Id"/>).</summary>
    public string Id { get; set; } = "";

    public List<PaymentRecord> Payments { get; set; } = [];
    public List<InflowRecord> Inflows { get; set; } = [];
    public List<PayeeRecord> Payees { get; set; } = [];
    public List<DecisionRecord> Decisions { get; set; } = [];
    public List<ulong> SeenEventDigests { get; set; } = [];

    void IJsonOnDeserialized.OnDeserialized()
    {
        ListRoom.Fit(Payments);
        ListRoom.Fit(Inflows);
        ListRoom.Fit(Payees);
        ListRoom.Fit(Decisions);
        ListRoom.Fit(SeenEventDigests);
    }
}

/// <summary>
/// In a risk state written in parts: which cold part it refers to, and each window as runs of that part's records and
/// the records the state holds inline (<see cref="WindowSnapshot{T}"/>: triples of from, count, inline).
/// </summary>
public sealed class RiskWindowParts
{
    /// <summary>The slot (0 or 1) the cold part is stored in.</summary>
    public int Slot { get; set; }

    /// <summary>The cold part's id: the slot must hold this one (<see cref="RiskWindowsState.Id"/>).</summary>
    public string Id { get; set; } = "";

    public List<int> Payments { get; set; } = [];
    public List<int> Inflows { get; set; } = [];
    public List<int> Payees { get; set; } = [];
    public List<int> Decisions { get; set; } = [];
    public List<int> SeenEventDigests { get; set; } = [];
}
