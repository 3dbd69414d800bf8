namespace Orleans.Fin.Risk;

/// <summary>
/// The parts of an audit record that repeat from one record to the next: whose trail it is, who wrote it, the model
/// version, the account, the decision and the case. A customer's records share a few of these (one per combination, see
/// <see cref="StoredAudit.Share"/>): a record holds one reference where it held six.
/// </summary>
public sealed record AuditContext(string CustomerId, string By, string ModelVersion, string? AccountId, string? Decision, string? CaseId)
{
    /// <summary>What a record made without any of them holds (every part null).</summary>
    public static readonly AuditContext None = new(null!, null!, null!, null, null, null);

    /// <summary><paramref name="previous"/> when it is the same; otherwise this, with the texts it has in common taken from it.</summary>
    public AuditContext SharingWith(AuditContext previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (Equals(previous))
        {
            return previous;
        }

        return new(
            Same(CustomerId, previous.CustomerId)!, Same(By, previous.By)!, Same(ModelVersion, previous.ModelVersion)!,
            Same(AccountId, previous.AccountId), Same(Decision, previous.Decision), Same(CaseId, previous.CaseId));
    }

    private static string? Same(string? value, string? held) => string.Equals(value, held, StringComparison.Ordinal) ? held : value;
}
