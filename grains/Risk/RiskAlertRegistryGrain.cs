using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Risk;

/// <summary>Alerts raised by the risk engine and the ring indexes: the newest <see cref="Capacity"/>, newest first.</summary>
public sealed class RiskAlertRegistryGrain(
    [PersistentState("alert-registry", FinNames.Storage)] IPersistentState<AlertRegistryState> state,
    TimeProvider clock) : Grain, IRiskAlertRegistryGrain
{
    public const int Capacity = 10_000;

    public async Task<AlertView> Raise(AlertDraft draft)
    {
        var s = state.State;
        var entry = new AlertEntry
        {
            Sequence = ++s.LastSequence,
            Id = FinIds.New(IdPrefixes.RiskAlert, clock.GetUtcNow()),
            Kind = draft.Kind,
            CustomerId = draft.CustomerId,
            Severity = draft.Severity,
            Message = draft.Message,
            Reasons = [.. draft.Reasons],
            CaseId = draft.CaseId,
            RaisedAt = draft.At,
        };
        Bounded.Add(s.Alerts, entry, Capacity);
        await state.WriteStateAsync();
        _ = GrainFactory.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global).RecordAlert();
        return entry.ToView();
    }

    public Task<AlertPage> List(AlertKind? kind, string? customerId, long? cursor, int limit)
    {
        var matching = state.State.Alerts.AsEnumerable().Reverse()
            .Where(a => (kind is null || a.Kind == kind) && (customerId is null || a.CustomerId == customerId));
        var (items, next) = Bounded.PageBelow(matching, a => a.Sequence, cursor, limit);
        return Task.FromResult(new AlertPage([.. items.Select(a => a.ToView())], next));
    }
}

public sealed class AlertRegistryState
{
    public int SchemaVersion { get; set; } = 1;
    public long LastSequence { get; set; }

    /// <summary>Oldest first.</summary>
    public List<AlertEntry> Alerts { get; set; } = [];
}

public sealed class AlertEntry
{
    public long Sequence { get; set; }
    public string Id { get; set; } = "";
    public AlertKind Kind { get; set; }
    public string CustomerId { get; set; } = "";
    public RiskLevel Severity { get; set; }
    public string Message { get; set; } = "";
    public List<string> Reasons { get; set; } = [];
    public string? CaseId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }

    public AlertView ToView() => new(Id, Kind, CustomerId, Severity, Message, [.. Reasons], CaseId, RaisedAt);
}
