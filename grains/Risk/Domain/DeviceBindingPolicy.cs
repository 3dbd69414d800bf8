namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// What binding a device means for risk. A binding within <see cref="RiskOptions.BindingAfterLoginWindow"/> of a login
/// from a new device in a place never seen before (or after an impossible journey) is what a stolen session does: it
/// raises the risk. A device bound less than <see cref="RiskOptions.BindingFreshFor"/> ago is not trusted yet: its
/// payments get the scrutiny of an unbound device (at least Medium, a one-time code), and large payments from it add
/// points, more from the second one on. A new phone bound at home is only the fresh-binding scrutiny.
/// </summary>
public static class DeviceBindingPolicy
{
    /// <summary>Whether payments at <paramref name="at"/> still count the device as freshly bound.</summary>
    public static bool IsFresh(DateTimeOffset? boundAt, DateTimeOffset at, RiskOptions options) =>
        boundAt is { } bound && at - bound < options.BindingFreshFor;

    /// <summary>Whether the binding followed a login from a new device (this one or an unnamed one) in a new place.</summary>
    public static bool IsRisky(BehaviourProfile profile, string? deviceId, DateTimeOffset boundAt, RiskOptions options)
    {
        var from = boundAt - options.BindingAfterLoginWindow;
        for (var i = profile.Logins.Count - 1; i >= 0; i--)
        {
            var login = profile.Logins[i];
            if (login.At < from)
            {
                break;
            }

            if (login.At > boundAt || !login.NewDevice || (login.DeviceId is not null && deviceId is not null && login.DeviceId != deviceId))
            {
                continue;
            }

            if (FromNewPlace(profile, login, options))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The signals of an outgoing payment from a freshly bound device; none for other events.</summary>
    internal static List<RiskSignal> PaymentSignals(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing || e.DeviceBoundAt is not { } boundAt || !IsFresh(boundAt, e.At, options))
        {
            return [];
        }

        List<RiskSignal> signals = [new(RiskReasons.FreshlyBoundDevice, options.FreshlyBoundDevicePoints, RiskSignalGroup.Device)];
        if (IsRisky(profile, e.DeviceId, boundAt, options))
        {
            signals.Add(new(RiskReasons.RiskyBinding, options.RiskyBindingPoints, RiskSignalGroup.Binding));
        }

        if (e.AmountCny >= options.LargePaymentCny)
        {
            var large = 1 + LargePaymentsSince(profile, e, boundAt, options);
            var points = large >= 2 ? options.RepeatedUnusualAfterBindingPoints : options.UnusualAfterBindingPoints;
            signals.Add(new(RiskReasons.UnusualAfterBinding, points, RiskSignalGroup.AfterBinding));
        }

        return signals;
    }

    private static bool FromNewPlace(BehaviourProfile profile, LoginRecord login, RiskOptions options)
    {
        if (string.IsNullOrWhiteSpace(login.City))
        {
            return false; // an unknown geolocation says nothing (it is common for ordinary logins)
        }

        if (!ProfileQueries.KnownPlaceBefore(profile, login.City, EventMatch.Of(login.Event)))
        {
            return true;
        }

        return ProfileQueries.LastPlaceBefore(profile, login.At, EventMatch.Of(login.Event)) is { } before
            && RiskRules.IsImpossible(GeoPlaces.Journey(before.City, before.At, login.City, login.At), options);
    }

    /// <summary>Large payments (attempts count) from the same device since it was bound, other than the event.</summary>
    private static int LargePaymentsSince(BehaviourProfile profile, RiskEvent e, DateTimeOffset boundAt, RiskOptions options)
    {
        var count = 0;
        foreach (var p in profile.Payments)
        {
            if (p.At >= boundAt && p.At <= e.At && p.DeviceId == e.DeviceId && p.AmountCny >= options.LargePaymentCny
                && !e.Match.Names(p.Event))
            {
                count++;
            }
        }

        return count;
    }
}
