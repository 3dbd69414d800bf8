namespace Orleans.Fin.Risk.Model;

/// <summary>The fraud patterns the simulator injects.</summary>
public static class FraudPatterns
{
    /// <summary>New device and often an impossible journey, then a burst of large payments to new payees (mules).</summary>
    public const string AccountTakeover = "account-takeover";

    /// <summary>Rapid tiny payments to many merchants, sometimes followed by a large one.</summary>
    public const string CardTesting = "card-testing";

    /// <summary>A large inflow quickly passed on to several new payees from the customer's own device.</summary>
    public const string Mule = "mule";

    /// <summary>The customer is talked into one or two large payments to a new payee, from their own device.</summary>
    public const string Scam = "scam";

    public static IReadOnlyList<string> All { get; } = [AccountTakeover, CardTesting, Mule, Scam];
}
