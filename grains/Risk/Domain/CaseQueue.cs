using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The case queue: which listed cases a query selects, in which order, one page at a time. Each case has a position
/// in an order, derived from its listing sequence (the order cases were opened in), and a page starts after the
/// position of the last case of the page before, so paging neither repeats nor skips a case while cases are added.
/// </summary>
public static class CaseQueue
{
    /// <summary>Sequences stay far below this, so a severity band never overlaps the next.</summary>
    public const long SeverityBand = 1L << 40;

    public static bool Matches(CaseSummary listed, CaseQuery query) =>
        (query.Status is null || listed.Status == query.Status)
        && (query.Severity is null || listed.Severity == query.Severity)
        && (string.IsNullOrEmpty(query.TriggerContains) || listed.Trigger.Contains(query.TriggerContains, StringComparison.OrdinalIgnoreCase))
        && (query.Assignee is null || string.Equals(listed.Assignee, query.Assignee, StringComparison.Ordinal))
        && (query.Assigned is not { } assigned || assigned != string.IsNullOrEmpty(listed.Assignee));

    /// <summary>
    /// Where a case stands in <paramref name="order"/>: for <see cref="CaseQueueOrder.Newest"/> its sequence (read from
    /// the largest down), for <see cref="CaseQueueOrder.Severity"/> its severity band (High first) plus its sequence
    /// (read from the smallest up, so the oldest case of a band comes first).
    /// </summary>
    public static long Position(CaseSummary listed, long sequence, CaseQueueOrder order) => order switch
    {
        CaseQueueOrder.Severity => (((long)RiskLevel.High - (long)listed.Severity) * SeverityBand) + sequence,
        _ => sequence,
    };

    /// <summary>
    /// One page of at most <paramref name="limit"/> cases that <paramref name="query"/> selects from
    /// <paramref name="listed"/> (each with its sequence), after <paramref name="cursor"/>, and the cursor of the next
    /// page when more remain.
    /// </summary>
    public static (List<CaseSummary> Items, long? Next) Page(
        IEnumerable<(long Sequence, CaseSummary Case)> listed, CaseQuery query, long? cursor, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var selected = listed
            .Where(l => Matches(l.Case, query))
            .Select(l => (Position: Position(l.Case, l.Sequence, query.Order), l.Case));
        var ordered = query.Order == CaseQueueOrder.Newest
            ? selected.Where(s => cursor is null || s.Position < cursor).OrderByDescending(s => s.Position)
            : selected.Where(s => cursor is null || s.Position > cursor).OrderBy(s => s.Position);
        var page = ordered.Take(limit + 1).ToList();
        var more = page.Count > limit;
        if (more)
        {
            page.RemoveAt(limit);
        }

        return ([.. page.Select(p => p.Case)], more ? page[^1].Position : null);
    }
}
