using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.TestSupport;

/// <summary>
/// The risk state of a busy customer as the engine builds it: 60 payments to 40 payees on the platform (one in nine in
/// USD), 50 payments in, every payment decided and waiting for its label (one in twenty sampled with its features), and
/// an audit record per decision, all within the last hour before <paramref name="now"/>.
/// </summary>
public static class BusyRiskState
{
    public const string Customer = "cus_busy";

    public static RiskState Build(DateTimeOffset now)
    {
        var start = now.AddHours(-1);
        var payees = Enumerable.Range(0, 40).Select(i => FinIds.New("acc", start.AddDays(-i))).ToArray();
        var state = new RiskState();
        for (var i = 0; i < 60; i++)
        {
            var at = start.AddMinutes(i);
            var id = FinIds.New("pay", at);
            var amount = 10m + (i * 7.25m);
            BehaviourTracker.Observe(state.Profile, new CustomerActivity(
                id + ":" + ActivityKind.PaymentOut, Customer, ActivityKind.PaymentOut, at, amount, i % 9 == 0 ? "USD" : "CNY", "acc_own",
                payees[i % payees.Length], "app", "dev_home", "10.0.0.1", "CN", "Shanghai", null, "Completed"));
            state.Decisions.Add(new DecisionRecord
            {
                MovementId = id, At = at, AmountCny = amount, Stopped = i % 13 == 0, CaseId = i % 17 == 0 ? "case_1" : null,
                Features = i % 20 == 0 ? new() { ["AmountLog"] = 1.0 / (i + 3), ["NewPayee"] = 1, ["Hour"] = 10.25 } : null,
            });
            state.Audit.Add(StoredAudit.From(i + 1, new AuditRecord(
                AuditAction.Decision, Customer, at, "risk-engine", $"Payment {id} of {amount} CNY: no findings", "fraud-ft-1.42", i % 5, RiskLevel.Low,
                "Allow", "acc_own", i % 17 == 0 ? "case_1" : null, id)));
            if (i < 50)
            {
                BehaviourTracker.Observe(state.Profile, new CustomerActivity(
                    FinIds.New("pay", at) + ":" + ActivityKind.PaymentIn, Customer, ActivityKind.PaymentIn, at.AddSeconds(30), 100m + i, "CNY", "acc_own",
                    payees[(i + 1) % payees.Length], Status: "Completed"));
            }
        }

        return state;
    }

    /// <summary>
    /// A customer whose windows are full, as the payments load leaves them after a minute or two: 200 payments in the
    /// last 24 hours to 157 payees, 100 payments in, 200 decisions awaiting labels (one in twenty sampled with its
    /// features) and 512 event digests; the audit trail already sealed, as the engine keeps it.
    /// </summary>
    public static RiskState Full(DateTimeOffset now)
    {
        var start = now.AddHours(-20);
        var payees = Enumerable.Range(0, 157).Select(i => FinIds.New("acc", start.AddDays(-i))).ToArray();
        var state = new RiskState { AuditCount = 512, SealedAuditSegments = 8 };
        for (var i = 0; i < 260; i++)
        {
            var at = start.AddMinutes(4 * i);
            var id = FinIds.New("pay", at);
            var amount = 10m + (i * 3.25m);
            BehaviourTracker.Observe(state.Profile, new CustomerActivity(
                id + ":" + ActivityKind.PaymentOut, Customer, ActivityKind.PaymentOut, at, amount, i % 9 == 0 ? "USD" : "CNY", "acc_own",
                payees[i % payees.Length], "app", "dev_home", "10.0.0.1", "CN", "Shanghai", null, "Completed"));
            BehaviourTracker.Observe(state.Profile, new CustomerActivity(
                FinIds.New("pay", at) + ":" + ActivityKind.PaymentIn, Customer, ActivityKind.PaymentIn, at.AddSeconds(30), 100m + i, "CNY", "acc_own",
                payees[(i + 1) % payees.Length], Status: "Completed"));
            if (i >= 60)
            {
                state.Decisions.Add(new DecisionRecord
                {
                    MovementId = id, At = at, AmountCny = amount, Stopped = i % 13 == 0,
                    Features = i % 20 == 0 ? new() { ["AmountLog"] = 1.0 / (i + 3), ["NewPayee"] = 1, ["Hour"] = 10.25 } : null,
                });
            }
        }

        return state;
    }

    /// <summary>
    /// The windows of <paramref name="state"/> with <paramref name="unused"/> event digests it does not hold in front: a
    /// cold part taken from it is one the state has mostly moved on from.
    /// </summary>
    public static RiskState WithDigestsGone(RiskState state, int unused) => new()
    {
        Decisions = [.. state.Decisions],
        Profile = new BehaviourProfile
        {
            Payments = [.. state.Profile.Payments],
            Inflows = [.. state.Profile.Inflows],
            Payees = state.Profile.Payees,
            SeenEventDigests = [.. Enumerable.Range(1, unused).Select(i => (ulong)i), .. state.Profile.SeenEventDigests],
        },
    };
}
