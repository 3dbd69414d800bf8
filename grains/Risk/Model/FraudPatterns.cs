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

    /// <summary>A stolen session logs in from its own device, binds it (with a swapped SIM) and pays large amounts from it.</summary>
    public const string StolenSession = "stolen-session";

    /// <summary>Several customers are talked into sending most of their savings to one collector account within hours.</summary>
    public const string ScamCollector = "scam-collector";

    /// <summary>Money arrives from several new senders and is paid straight out again to new payees.</summary>
    public const string PassThrough = "pass-through";

    /// <summary>The patterns the shipped model was trained on.</summary>
    public static IReadOnlyList<string> All { get; } = [AccountTakeover, CardTesting, Mule, Scam];

    /// <summary>Every pattern the simulator can inject (the engine's scenarios are measured on these).</summary>
    public static IReadOnlyList<string> Extended { get; } = [AccountTakeover, CardTesting, Mule, Scam, StolenSession, ScamCollector, PassThrough];
}
