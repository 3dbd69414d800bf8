using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The list of cases (a read model kept by the case grains). Bounded: past <see cref="Capacity"/> cases the oldest closed
/// ones leave the list (the case grains keep them).
/// </summary>
public sealed class RiskCaseRegistryGrain(
    [PersistentState("case-registry", FinNames.Storage)] IPersistentState<CaseRegistryState> state) : Grain, IRiskCaseRegistryGrain
{
    public const int Capacity = 10_000;

    public async Task Upsert(CaseSummary summary)
    {
        var cases = state.State.Cases;
        var listed = cases.FindIndex(c => c.Id == summary.Id);
        var entry = CaseListing.From(summary, listed >= 0 ? cases[listed].Sequence : ++state.State.LastSequence);
        if (listed >= 0)
        {
            cases[listed] = entry;
        }
        else
        {
            cases.Add(entry);
            if (cases.Count > Capacity)
            {
                var oldestClosed = cases.FindIndex(c => c.Status == CaseStatus.Closed);
                cases.RemoveAt(oldestClosed >= 0 ? oldestClosed : 0);
            }
        }

        await state.WriteStateAsync();
    }

    public Task<CasePage> List(CaseStatus? status, long? cursor, int limit) => Query(new CaseQuery(Status: status), cursor, limit);

    public Task<CasePage> Query(CaseQuery query, long? cursor, int limit)
    {
        var (items, next) = CaseQueue.Page(state.State.Cases.Select(c => (c.Sequence, c.ToSummary())), query, cursor, limit);
        return Task.FromResult(new CasePage(items, next));
    }
}

public sealed class CaseRegistryState
{
    public int SchemaVersion { get; set; } = 1;
    public long LastSequence { get; set; }

    /// <summary>Oldest first.</summary>
    public List<CaseListing> Cases { get; set; } = [];
}

public sealed class CaseListing
{
    public long Sequence { get; set; }
    public string Id { get; set; } = "";
    public string CustomerId { get; set; } = "";
    public List<string> AccountIds { get; set; } = [];
    public RiskLevel Severity { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string Trigger { get; set; } = "";
    public CaseStatus Status { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public string? Assignee { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public static CaseListing From(CaseSummary s, long sequence) => new()
    {
        Sequence = sequence,
        Id = s.Id,
        CustomerId = s.CustomerId,
        AccountIds = [.. s.AccountIds],
        Severity = s.Severity,
        OpenedAt = s.OpenedAt,
        Trigger = s.Trigger,
        Status = s.Status,
        Outcome = s.Outcome,
        Assignee = s.Assignee,
        ResolvedAt = s.ResolvedAt,
    };

    public CaseSummary ToSummary() => new(Id, CustomerId, [.. AccountIds], Severity, OpenedAt, Trigger, Status, Outcome, Assignee, ResolvedAt);
}
