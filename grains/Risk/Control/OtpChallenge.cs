namespace Orleans.Fin.Risk.Control;

/// <summary>A one-time code issued for one payment, kept only as a salted hash (persisted inside the risk state).</summary>
public sealed class OtpChallenge
{
    public string MovementId { get; set; } = "";
    public string Salt { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Wrong codes entered against the current code.</summary>
    public int Attempts { get; set; }

    /// <summary>Codes issued for this payment so far (a new code replaces an expired one).</summary>
    public int Issues { get; set; }

    /// <summary>The code was accepted once; it can never be accepted again.</summary>
    public bool Used { get; set; }

    /// <summary>Too many wrong codes: the payment was declined.</summary>
    public bool Exhausted { get; set; }
}
