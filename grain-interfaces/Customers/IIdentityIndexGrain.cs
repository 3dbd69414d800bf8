namespace Orleans.Fin.Customers;

/// <summary>
/// Guards "one customer per identity number". Keyed by a keyed hash of the identity number (never the number itself),
/// so a single activation in the cluster decides every registration of that identity.
/// </summary>
[Alias("fin.IIdentityIndexGrain")]
public interface IIdentityIndexGrain : IGrainWithStringKey
{
    /// <summary>Registers a new customer for this identity, or reports the customer that already holds it.</summary>
    [Alias("Register")]
    Task<RegistrationResult> Register(CustomerDraft draft);
}
