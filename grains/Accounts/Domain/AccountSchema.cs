namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// Versions of the stored account state. 2: settled legs kept in batches (<see cref="LegRetention.Upgrade"/>).
/// 3: the account is known to be in the account registry, which the ledger integrity check walks; a customer account
/// stored before that registers itself when it next activates.
/// </summary>
public static class AccountSchema
{
    public const int Current = 3;

    /// <summary>A customer account opened under an older schema, which may be missing from the registry.</summary>
    public static bool NeedsRegistering(AccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.SchemaVersion < Current && account.Opened && account.Kind == AccountKind.Customer;
    }
}
