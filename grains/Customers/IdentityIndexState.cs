namespace Orleans.Fin.Customers;

/// <summary>Persisted state of an identity index entry: which customer holds the identity.</summary>
public sealed class IdentityIndexState
{
    public int SchemaVersion { get; set; } = 1;
    public string? CustomerId { get; set; }
}
