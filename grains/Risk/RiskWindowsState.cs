using System.Text.Json.Serialization;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Persisted beside a risk state written in parts (JSON; new members need defaults): the cold part of its windows, as
/// they were when it was last rewritten. Each part is stored once, under a state name of its own (<see cref="StateName"/>),
/// and never written again: a write that fails or is lost, or a second activation, never touches a part a stored state
/// reads. A part is cleared once a stored state no longer refers to it.
/// </summary>
public sealed class RiskWindowsState : IJsonOnDeserialized
{
    /// <summary>The state name a part is stored under.</summary>
    public static string StateName(string id) => "riskWindows-" + id;

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
        PaymentRecord.Share(Payments);
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
    /// <summary>The cold part's id (<see cref="RiskWindowsState.Id"/>), which also names its row (<see cref="RiskWindowsState.StateName"/>).</summary>
    public string Id { get; set; } = "";

    public List<int> Payments { get; set; } = [];
    public List<int> Inflows { get; set; } = [];
    public List<int> Payees { get; set; } = [];
    public List<int> Decisions { get; set; } = [];
    public List<int> SeenEventDigests { get; set; } = [];
}
