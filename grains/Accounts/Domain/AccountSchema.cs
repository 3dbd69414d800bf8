namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// Versions of the stored account state. 2: settled legs kept in batches (<see cref="LegRetention.Upgrade"/>).
/// 3: the account is known to be in the account registry, which the ledger integrity check walks; a customer account
/// stored before that registers itself when it next activates. 4: the account says whether it ever moved settled legs
/// to its archive (<see cref="AccountState.Archived"/>); one that never did does not read it when it activates.
/// </summary>
public static class AccountSchema
{
    public const int Current = 4;

    /// <summary>From this schema on, the account is known to be in the account registry.</summary>
    public const int Registered = 3;

    /// <summary>From this schema on, <see cref="AccountState.Archived"/> says whether the account has an archive.</summary>
    public const int ArchiveFlagged = 4;

    /// <summary>A customer account opened under an older schema, which may be missing from the registry.</summary>
    public static bool NeedsRegistering(AccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.SchemaVersion < Registered && account.Opened && account.Kind == AccountKind.Customer;
    }
}
