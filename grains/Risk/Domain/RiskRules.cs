using Orleans.Fin.Payments;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The pattern rules over a profile's windows. Each looks at the event being scored against the history before it, and
/// fires only when the event itself takes part in the pattern (a small payment after a burst of large ones is not
/// part of that burst). Returns null when the rule does not fire.
/// </summary>
internal static class RiskRules
{
    public static List<RiskSignal> Evaluate(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        List<RiskSignal> signals = [];
        void Add(RiskSignal? signal)
        {
            if (signal is not null)
            {
                signals.Add(signal);
            }
        }

        Add(NewDevice(profile, e, options));
        Add(ImpossibleTravel(profile, e, options));
        if (e.IsOutgoing)
        {
            Add(UnboundDevice(e, options));
            Add(LoginThenPaymentNewDevice(profile, e, options));
            Add(ImpossibleTravelThenPayment(profile, e, options));
            Add(LargePaymentBurst(profile, e, options));
            Add(CardTesting(profile, e, options));
            Add(NewPayeeBurst(profile, e, options));
            Add(AmountFarAboveHistory(profile, e, options));
            Add(PassThroughPolicy.Evaluate(profile, e, options));
            signals.AddRange(DeviceBindingPolicy.PaymentSignals(profile, e, options));
        }

        return signals;
    }

    /// <summary>Several large payments (attempts count, declined or not) within a short window, this one among them.</summary>
    public static RiskSignal? LargePaymentBurst(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing || e.AmountCny < options.LargePaymentCny)
        {
            return null;
        }

        var count = 1;
        foreach (var p in Window(profile, e, options.LargeBurstWindow))
        {
            if (p.AmountCny >= options.LargePaymentCny)
            {
                count++;
            }
        }

        return Burst(RiskReasons.LargePaymentBurst, RiskSignalGroup.LargeBurst, count, options.LargeBurstCount, options.LargeBurstPoints, options);
    }

    /// <summary>Rapid tiny payments to several different payees, this one among them.</summary>
    public static RiskSignal? CardTesting(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing || e.AmountCny > options.TinyPaymentCny)
        {
            return null;
        }

        var count = 1;
        HashSet<string> payees = new(StringComparer.Ordinal);
        if (e.PayeeAccountId is not null)
        {
            payees.Add(e.PayeeAccountId);
        }

        foreach (var p in Window(profile, e, options.CardTestingWindow))
        {
            if (p.AmountCny <= options.TinyPaymentCny)
            {
                count++;
                if (p.PayeeAccountId is not null)
                {
                    payees.Add(p.PayeeAccountId);
                }
            }
        }

        return payees.Count < options.CardTestingMinPayees
            ? null
            : Burst(RiskReasons.CardTesting, RiskSignalGroup.CardTesting, count, options.CardTestingMinPayments, options.CardTestingPoints, options);
    }

    /// <summary>A burst of payments to payees never paid before, this one to a new payee.</summary>
    public static RiskSignal? NewPayeeBurst(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing || e.PayeeAccountId is null || ProfileQueries.PaymentsToPayeeBefore(profile, e.PayeeAccountId, e.Match) > 0
            || ProfileQueries.AmountsBefore(profile, e.Match).Count < options.NewPayeeMinHistory)
        {
            return null;
        }

        var count = 1;
        foreach (var p in Window(profile, e, options.NewPayeeWindow))
        {
            if (p.NewPayee)
            {
                count++;
            }
        }

        return Burst(RiskReasons.NewPayeeBurst, RiskSignalGroup.NewPayeeBurst, count, options.NewPayeeBurstCount, options.NewPayeeBurstPoints, options);
    }

    /// <summary>A login or payment from a device never seen, when the customer already had known devices.</summary>
    public static RiskSignal? NewDevice(BehaviourProfile profile, in RiskEvent e, RiskOptions options) =>
        e.Kind is ActivityKind.Login or ActivityKind.PaymentOut or ActivityKind.Withdrawal
        && !string.IsNullOrEmpty(e.DeviceId)
        && ProfileQueries.KnownDeviceBefore(profile, e.DeviceId, e.Match) is null
        && ProfileQueries.KnownDeviceCountBefore(profile, e.Match) > 0
            ? new RiskSignal(RiskReasons.NewDevice, options.NewDevicePoints, RiskSignalGroup.Device)
            : null;

    /// <summary>A payment from a device the customer has not bound.</summary>
    public static RiskSignal? UnboundDevice(in RiskEvent e, RiskOptions options) =>
        e.IsOutgoing && !e.DeviceBound ? new RiskSignal(RiskReasons.UnboundDevice, options.UnboundDevicePoints, RiskSignalGroup.Device) : null;

    /// <summary>A payment shortly after a login from a new device (from that device, or from an unnamed one).</summary>
    public static RiskSignal? LoginThenPaymentNewDevice(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing)
        {
            return null;
        }

        foreach (var login in RecentLogins(profile, e, options.LoginThenPaymentWindow))
        {
            if (login.NewDevice && (e.DeviceId is null || login.DeviceId == e.DeviceId))
            {
                return new RiskSignal(RiskReasons.LoginThenPaymentNewDevice, options.LoginThenPaymentPoints, RiskSignalGroup.Device);
            }
        }

        return null;
    }

    /// <summary>This login or payment happened too far from the previous sighting for the time between them.</summary>
    public static RiskSignal? ImpossibleTravel(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (e.City is null || ProfileQueries.LastPlaceBefore(profile, e.At, e.Match) is not { } previous)
        {
            return null;
        }

        return IsImpossible(GeoPlaces.Journey(previous.City, previous.At, e.City, e.At), options)
            ? new RiskSignal(RiskReasons.ImpossibleTravel, options.ImpossibleTravelPoints, RiskSignalGroup.Travel)
            : null;
    }

    /// <summary>A payment shortly after a login that was an impossible journey from the sighting before it.</summary>
    public static RiskSignal? ImpossibleTravelThenPayment(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing)
        {
            return null;
        }

        foreach (var login in RecentLogins(profile, e, options.LoginThenPaymentWindow))
        {
            if (login.City is not null
                && ProfileQueries.LastPlaceBefore(profile, login.At, EventMatch.Of(login.Event), e.Match) is { } before
                && IsImpossible(GeoPlaces.Journey(before.City, before.At, login.City, login.At), options))
            {
                return new RiskSignal(RiskReasons.ImpossibleTravelThenPayment, options.ImpossibleTravelPoints, RiskSignalGroup.Travel);
            }
        }

        return null;
    }

    /// <summary>An amount far above what this customer usually pays (log-scale z-score and a plain multiple).</summary>
    public static RiskSignal? AmountFarAboveHistory(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing || e.AmountCny < options.AmountMinCny || e.AmountCny <= 0)
        {
            return null;
        }

        var (count, meanLog, varianceLog, _) = ProfileQueries.AmountsBefore(profile, e.Match);
        if (count < options.AmountHistoryMinPayments)
        {
            return null;
        }

        var x = Math.Log((double)e.AmountCny);
        var sd = Math.Max(Math.Sqrt(varianceLog), 0.25);
        var farAbove = x > meanLog + (options.AmountSigmas * sd) && x >= meanLog + Math.Log(options.AmountMinMultiple);
        return farAbove ? new RiskSignal(RiskReasons.AmountFarAboveHistory, options.AmountFarAbovePoints, RiskSignalGroup.Amount) : null;
    }

    internal static bool IsImpossible(TravelLeg? leg, RiskOptions options) =>
        leg is not null && leg.DistanceKm >= options.MinTravelDistanceKm && leg.SpeedKmh > options.MaxTravelSpeedKmh;

    private static RiskSignal? Burst(string code, RiskSignalGroup group, int count, int trigger, int points, RiskOptions options) =>
        count < trigger ? null : new RiskSignal(code, Math.Min(Math.Max(points, options.BurstMaxPoints), points + ((count - trigger) * options.BurstEscalationPoints)), group);

    /// <summary>Outgoing payments in (at - window, at], other than the event itself.</summary>
    private static IEnumerable<PaymentRecord> Window(BehaviourProfile profile, RiskEvent e, TimeSpan window)
    {
        var from = e.At - window;
        for (var i = profile.Payments.Count - 1; i >= 0; i--)
        {
            var p = profile.Payments[i];
            if (p.At > e.At || e.Match.Names(p.Event))
            {
                continue;
            }

            if (p.At <= from)
            {
                yield break;
            }

            yield return p;
        }
    }

    /// <summary>Logins in [at - window, at], other than the event itself, newest first.</summary>
    private static IEnumerable<LoginRecord> RecentLogins(BehaviourProfile profile, RiskEvent e, TimeSpan window)
    {
        var from = e.At - window;
        for (var i = profile.Logins.Count - 1; i >= 0; i--)
        {
            var login = profile.Logins[i];
            if (login.At > e.At || e.Match.Names(login.Event))
            {
                continue;
            }

            if (login.At < from)
            {
                yield break;
            }

            yield return login;
        }
    }
}
