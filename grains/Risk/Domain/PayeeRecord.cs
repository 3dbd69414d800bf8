namespace Orleans.Fin.Risk.Domain;

/// <summary>An account the customer paid (completed payments only).</summary>
public sealed class PayeeRecord
{
    private string _accountId = "";
    private int _accountHash = KeyHash("");

    public string AccountId
    {
        get => _accountId;
        set
        {
            _accountId = value ?? "";
            _accountHash = KeyHash(_accountId);
        }
    }

    public DateTimeOffset FirstPaid { get; set; }
    public DateTimeOffset LastPaid { get; set; }
    /// <summary>The first payment to the account, by digest.</summary>
    public EventKey FirstEvent { get; set; }

    /// <summary>Sets <see cref="FirstEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string FirstEventId { get => ""; set => FirstEvent = EventKey.OfStoredId(value, FirstEvent); }

    /// <summary>The latest payment to the account, by digest.</summary>
    public EventKey LastEvent { get; set; }

    /// <summary>Sets <see cref="LastEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string LastEventId { get => ""; set => LastEvent = EventKey.OfStoredId(value, LastEvent); }
    public int Payments { get; set; }

    /// <summary>
    /// The account's string hash, fixed for the life of the process (never stored): looking up a payee compares these
    /// first, so a pass over a full list of payees reads the strings of the one that matches, not of all of them.
    /// </summary>
    internal static int KeyHash(string accountId) => string.GetHashCode(accountId, StringComparison.Ordinal);

    /// <summary>A copy that changes to this record do not reach (a window's cold part keeps payees as they were stored).</summary>
    internal PayeeRecord Copy() => new()
    {
        AccountId = AccountId, FirstPaid = FirstPaid, LastPaid = LastPaid, FirstEvent = FirstEvent, LastEvent = LastEvent, Payments = Payments,
    };

    /// <summary>Whether this is the record of <paramref name="accountId"/>, whose <see cref="KeyHash"/> is <paramref name="hash"/>.</summary>
    internal bool Is(string accountId, int hash) => _accountHash == hash && string.Equals(_accountId, accountId, StringComparison.Ordinal);
}
