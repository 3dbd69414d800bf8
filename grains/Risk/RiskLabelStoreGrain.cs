using Orleans.Fin.Common;

namespace Orleans.Fin.Risk;

/// <summary>
/// Training labels of one month of resolutions, append-only and in order, each with the snapshot the engine decided on:
/// what a retraining job reads (resolutions are human decisions, so a month stays small). Sampled negatives from payments
/// that stayed unreported are kept in a store of their own per month (<see cref="UnreportedKey"/>).
/// </summary>
public sealed class RiskLabelStoreGrain(
    [PersistentState("labels", FinNames.Storage)] IPersistentState<LabelStoreState> state) : Grain, IRiskLabelStoreGrain
{
    /// <summary>Case ids of labels from payments that stayed unreported (not from a case) start with this.</summary>
    public const string UnreportedPrefix = "unreported:";

    /// <summary>The store of one month's unreported-payment negatives (apart from the case labels of that month).</summary>
    public static string UnreportedKey(DateTimeOffset at) => "unreported/" + RiskCaseGrain.LabelStoreKey(at);

    public async Task Append(RiskLabel label)
    {
        if (state.State.Labels.Exists(l => l.CaseId == label.CaseId))
        {
            return;
        }

        state.State.Labels.Add(StoredLabel.From(label));
        await state.WriteStateAsync();
    }

    public Task<LabelPage> List(long? cursor, int limit)
    {
        var from = (int)Math.Clamp(cursor ?? 0, 0, state.State.Labels.Count);
        var items = state.State.Labels.Skip(from).Take(limit).Select(l => l.ToLabel()).ToList();
        long? next = from + items.Count < state.State.Labels.Count ? from + items.Count : null;
        return Task.FromResult(new LabelPage(items, next));
    }
}

public sealed class LabelStoreState
{
    public int SchemaVersion { get; set; } = 1;
    public List<StoredLabel> Labels { get; set; } = [];
}

public sealed class StoredLabel
{
    public string CaseId { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public CaseOutcome Outcome { get; set; }
    public bool IsFraud { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public DateTimeOffset LabelledAt { get; set; }
    public string LabelledBy { get; set; } = "";
    public string Note { get; set; } = "";
    public bool OpenedByEngine { get; set; }
    public StoredSnapshot Snapshot { get; set; } = new();

    public static StoredLabel From(RiskLabel l) => new()
    {
        CaseId = l.CaseId,
        CustomerId = l.CustomerId,
        Outcome = l.Outcome,
        IsFraud = l.IsFraud,
        DecidedAt = l.DecidedAt,
        LabelledAt = l.LabelledAt,
        LabelledBy = l.LabelledBy,
        Note = l.Note,
        OpenedByEngine = l.OpenedByEngine,
        Snapshot = StoredSnapshot.From(l.Snapshot),
    };

    public RiskLabel ToLabel() => new(CaseId, CustomerId, Outcome, IsFraud, DecidedAt, LabelledAt, LabelledBy, Note, OpenedByEngine, Snapshot.ToView());
}
