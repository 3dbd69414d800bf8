using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.ModelTraining;

/// <summary>One customer during an <see cref="EngineReplay"/>: the engine's view of it and what happened to its payments.</summary>
internal sealed class CustomerReplay(SimulatedCustomer customer)
{
    public SimulatedCustomer Customer { get; } = customer;
    public BehaviourProfile Profile { get; } = new();
    public HashSet<string> Blocked { get; } = new(StringComparer.Ordinal);
    public bool Frozen { get; private set; }

    /// <summary>What froze the customer (the event and the verdict's reasons).</summary>
    public string? FrozenBy { get; private set; }
    public DateTimeOffset? StepUpUntil { get; set; }

    /// <summary>An ordinary customer (no fraud incident) ended up frozen: a false positive.</summary>
    public bool FrozenOrdinary => Customer.FraudPattern is null && Frozen;

    public int OrdinaryPayments { get; private set; }
    public int OrdinaryCodes { get; private set; }
    public int OrdinaryHeld { get; private set; }
    public int FraudPayments { get; private set; }
    public int FraudCompleted { get; private set; }
    public int LargeFraudCompleted { get; private set; }

    /// <summary>Each fraud payment of the incident: what the engine found and what it did.</summary>
    public List<string> FraudTrail { get; } = [];

    public void Freeze(string why)
    {
        FrozenBy ??= why;
        Frozen = true;
    }

    public void Count(SimulatedEvent e, PaymentOutcome outcome, bool large, string why)
    {
        var completed = outcome is PaymentOutcome.Completed or PaymentOutcome.CompletedWithCode;
        if (e.IsFraud)
        {
            FraudTrail.Add($"{outcome}: {why}");
            FraudPayments++;
            FraudCompleted += completed ? 1 : 0;
            LargeFraudCompleted += completed && large ? 1 : 0;
            return;
        }

        OrdinaryPayments++;
        OrdinaryCodes += outcome == PaymentOutcome.CompletedWithCode ? 1 : 0;
        OrdinaryHeld += outcome is PaymentOutcome.Held or PaymentOutcome.Declined ? 1 : 0;
    }
}
