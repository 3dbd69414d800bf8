namespace Orleans.Fin.Accounts;

/// <summary>Two entry records are equal when every recorded field is.</summary>
internal sealed class EntryRecordComparer : IEqualityComparer<EntryRecord>
{
    public static readonly EntryRecordComparer Instance = new();

    public bool Equals(EntryRecord x, EntryRecord y) =>
        x.Sequence == y.Sequence && x.At == y.At && x.Amount == y.Amount && x.BalanceAfter == y.BalanceAfter
        && x.Kind == y.Kind && x.Reference == y.Reference && x.Counterparty == y.Counterparty && x.FxRate == y.FxRate;

    public int GetHashCode(EntryRecord obj) => HashCode.Combine(obj.Sequence, obj.Amount, obj.Reference);
}
