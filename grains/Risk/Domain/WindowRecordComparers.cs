namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// When a record of a window is the same as one of its cold part (<see cref="WindowSnapshot{T}"/>): equal in every stored
/// field and written the same way, so that a record read back from the cold part is the record that was there. Decimals
/// are compared with their scale (10.5 is not 10.50) and times with their offset.
/// </summary>
public static class WindowRecordComparers
{
    public static IEqualityComparer<PaymentRecord> Payments { get; } = new Exact<PaymentRecord>(
        static (a, b) => a.Equals(b) && ExactDecimal.Same(a.Amount, b.Amount) && ExactDecimal.Same(a.AmountCny, b.AmountCny),
        static r => r.GetHashCode());

    public static IEqualityComparer<InflowRecord> Inflows { get; } = new Exact<InflowRecord>(
        static (a, b) => a.Equals(b) && ExactDecimal.Same(a.AmountCny, b.AmountCny),
        static r => r.GetHashCode());

    public static IEqualityComparer<DecisionRecord> Decisions { get; } = new Exact<DecisionRecord>(
        static (a, b) => a.Equals(b) && ExactDecimal.Same(a.AmountCny, b.AmountCny),
        static r => r.GetHashCode());

    /// <summary>Payees are objects the tracker changes in place, so they are compared field by field, and copied into a cold part.</summary>
    public static IEqualityComparer<PayeeRecord> Payees { get; } = new Exact<PayeeRecord>(
        static (a, b) => string.Equals(a.AccountId, b.AccountId, StringComparison.Ordinal)
            && a.FirstPaid.EqualsExact(b.FirstPaid) && a.LastPaid.EqualsExact(b.LastPaid)
            && a.FirstEvent == b.FirstEvent && a.LastEvent == b.LastEvent && a.Payments == b.Payments,
        static r => HashCode.Combine(PayeeRecord.KeyHash(r.AccountId), r.LastPaid.UtcTicks, r.Payments));

    public static IEqualityComparer<ulong> Digests { get; } = EqualityComparer<ulong>.Default;

    private sealed class Exact<T>(Func<T, T, bool> same, Func<T, int> hash) : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => x is null ? y is null : y is not null && same(x, y);

        public int GetHashCode(T obj) => hash(obj);
    }
}
