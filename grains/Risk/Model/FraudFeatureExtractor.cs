using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// Computes <see cref="FraudFeatures"/> of a payment from the customer's profile. The same code serves the simulator
/// (training) and the risk grain (scoring): inline for a candidate before it is observed, or for a payment event
/// already observed (its own traces in the profile are then left out, so both see the same history).
/// Thresholds are fixed here, not configuration: they are part of what the model was trained on.
/// </summary>
public static class FraudFeatureExtractor
{
    public const decimal LargeCny = 5_000m;
    public const decimal TinyCny = 10m;

    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan RecentLogin = TimeSpan.FromHours(2);
    private const double MinutesCap = 24 * 60;

    /// <summary>Features of a payment about to be made (inline pre-authorisation and training).</summary>
    public static FraudFeatures Extract(BehaviourProfile profile, PaymentCandidate candidate) =>
        Extract(profile, RiskEvent.From(candidate), new FraudFeatures());

    /// <summary>Features of an outgoing payment or withdrawal from the stream, observed or not.</summary>
    public static FraudFeatures Extract(BehaviourProfile profile, CustomerActivity activity) =>
        Extract(profile, RiskEvent.From(activity), new FraudFeatures());

    internal static T Extract<T>(BehaviourProfile profile, in RiskEvent e, T f)
        where T : FraudFeatures
    {
        var amount = (double)Math.Max(e.AmountCny, 0m);
        f.AmountLog = Log1P(amount);

        var (count, meanLog, varianceLog, maxCny) = ProfileQueries.AmountsBefore(profile, e.Match);
        var lnAmount = Math.Log(Math.Max(amount, 0.01));
        f.AmountZ = count >= 3 ? Clamp((lnAmount - meanLog) / Math.Max(Math.Sqrt(varianceLog), 0.25), -5, 10) : 0f;
        f.AmountToMaxLog = count > 0 && maxCny > 0 ? Clamp(lnAmount - Math.Log((double)maxCny), -10, 10) : 0f;
        f.HistoryLog = Log1P(count);

        Windows(profile, e, f);
        Payee(profile, e, f);
        Device(profile, e, f);
        Places(profile, e, f);

        var local = e.At.ToOffset(BehaviourLimits.LocalOffset);
        f.Hour = local.Hour + (local.Minute / 60f);
        var (atHour, total) = ProfileQueries.HourCountsBefore(profile, local.Hour, e.Match);
        f.HourShare = total > 0 ? (float)atHour / total : 0.125f;

        f.ProfileAgeLog = profile.FirstEventAt is { } first ? Log1P(Math.Clamp((e.At - first).TotalDays, 0, 365)) : 0f;
        return f;
    }

    private static void Windows(BehaviourProfile profile, in RiskEvent e, FraudFeatures f)
    {
        int in10 = 1, inHour = 1, inDay = 1;
        var large = e.AmountCny >= LargeCny ? 1 : 0;
        var tiny = e.AmountCny <= TinyCny ? 1 : 0;
        var newPayees = 0;
        var declined = 0;
        var sumHour = (double)e.AmountCny;
        var sumDay = (double)e.AmountCny;
        DateTimeOffset? previous = null;
        Span<int> payeeHashes = stackalloc int[32];
        var distinct = 0;
        AddPayee(e.PayeeAccountId, payeeHashes, ref distinct);

        for (var i = profile.Payments.Count - 1; i >= 0; i--)
        {
            var p = profile.Payments[i];
            if (p.At > e.At || e.Match.Names(p.Event))
            {
                continue;
            }

            previous ??= p.At;
            var age = e.At - p.At;
            if (age >= BehaviourLimits.Window)
            {
                break;
            }

            inDay++;
            if (!p.Declined)
            {
                sumDay += (double)p.AmountCny;
            }

            if (age >= Hour)
            {
                continue;
            }

            inHour++;
            large += p.AmountCny >= LargeCny ? 1 : 0;
            newPayees += p.NewPayee ? 1 : 0;
            declined += p.Declined ? 1 : 0;
            sumHour += p.Declined ? 0 : (double)p.AmountCny;
            if (age < TenMinutes)
            {
                in10++;
                if (p.AmountCny <= TinyCny)
                {
                    tiny++;
                }

                AddPayee(p.PayeeAccountId, payeeHashes, ref distinct);
            }
        }

        f.Payments10Min = in10;
        f.PaymentsHour = inHour;
        f.PaymentsDay = inDay;
        f.LargePaymentsHour = large;
        f.TinyPayments10Min = tiny;
        f.DistinctPayees10Min = distinct;
        f.DeclinedHour = declined;
        f.SumHourLog = Log1P(sumHour);
        f.MinutesSincePaymentLog = Log1P(previous is { } at ? Math.Clamp((e.At - at).TotalMinutes, 0, MinutesCap) : MinutesCap);

        var inflow = 0.0;
        foreach (var r in profile.Inflows)
        {
            if (r.At <= e.At && e.At - r.At < BehaviourLimits.Window && !e.Match.Names(r.Event))
            {
                inflow += (double)r.AmountCny;
            }
        }

        f.InflowDayLog = Log1P(inflow);
        f.OutToInDay = inflow > 0 ? (float)Math.Min(10, sumDay / inflow) : 0f;
        f.NewPayeePaymentsHour = newPayees; // the payment itself is added in Payee()
    }

    private static void Payee(BehaviourProfile profile, in RiskEvent e, FraudFeatures f)
    {
        var before = ProfileQueries.PaymentsToPayeeBefore(profile, e.PayeeAccountId, e.Match);
        var isNew = e.PayeeAccountId is not null && before == 0;
        f.NewPayee = isNew ? 1f : 0f;
        f.PayeeHistoryLog = Log1P(before);
        f.NewPayeePaymentsHour += isNew ? 1 : 0;
    }

    private static void Device(BehaviourProfile profile, in RiskEvent e, FraudFeatures f)
    {
        var known = ProfileQueries.KnownDeviceBefore(profile, e.DeviceId, e.Match);
        f.NewDevice = known is null ? 1f : 0f;
        f.DeviceAgeLog = known is null ? 0f : Log1P(Math.Clamp((e.At - known.FirstSeen).TotalHours, 0, 720));
        f.KnownDevices = ProfileQueries.KnownDeviceCountBefore(profile, e.Match);

        DateTimeOffset? lastLogin = null;
        var newDeviceLogin = false;
        for (var i = profile.Logins.Count - 1; i >= 0; i--)
        {
            var login = profile.Logins[i];
            if (login.At > e.At || e.Match.Names(login.Event))
            {
                continue;
            }

            lastLogin ??= login.At;
            if (e.At - login.At > RecentLogin)
            {
                break;
            }

            newDeviceLogin |= login.NewDevice;
        }

        f.MinutesSinceLoginLog = Log1P(lastLogin is { } at ? Math.Clamp((e.At - at).TotalMinutes, 0, MinutesCap) : MinutesCap);
        f.RecentNewDeviceLogin = newDeviceLogin ? 1f : 0f;
    }

    private static void Places(BehaviourProfile profile, in RiskEvent e, FraudFeatures f)
    {
        var speed = 0.0;
        if (e.City is not null && ProfileQueries.LastPlaceBefore(profile, e.At, e.Match) is { } previous &&
            GeoPlaces.Journey(previous.City, previous.At, e.City, e.At) is { } leg)
        {
            speed = leg.SpeedKmh;
        }

        for (var i = profile.Logins.Count - 1; i >= 0; i--)
        {
            var login = profile.Logins[i];
            if (login.At > e.At || e.Match.Names(login.Event))
            {
                continue;
            }

            if (e.At - login.At > RecentLogin)
            {
                break;
            }

            if (login.City is not null && ProfileQueries.LastPlaceBefore(profile, login.At, EventMatch.Of(login.Event), e.Match) is { } before &&
                GeoPlaces.Journey(before.City, before.At, login.City, login.At) is { } loginLeg)
            {
                speed = Math.Max(speed, loginLeg.SpeedKmh);
            }
        }

        f.TravelSpeedLog = Log1P(Math.Min(speed, 20_000));
        var hadPlaces = false;
        foreach (var place in profile.Places)
        {
            hadPlaces |= !e.Match.Names(place.FirstEvent);
        }

        f.NewCity = e.City is not null && hadPlaces && !ProfileQueries.KnownPlaceBefore(profile, e.City, e.Match) ? 1f : 0f;
        var home = ProfileQueries.HomeCityBefore(profile, e.Match);
        f.DistanceFromHomeLog = Log1P(GeoPlaces.DistanceKm(home, e.City) ?? 0);
    }

    private static void AddPayee(string? payee, Span<int> seen, ref int distinct)
    {
        if (payee is null)
        {
            return;
        }

        var hash = StringComparer.Ordinal.GetHashCode(payee);
        for (var i = 0; i < Math.Min(distinct, seen.Length); i++)
        {
            if (seen[i] == hash)
            {
                return;
            }
        }

        if (distinct < seen.Length)
        {
            seen[distinct] = hash;
        }

        distinct++;
    }

    private static float Log1P(double x) => (float)Math.Log(1 + Math.Max(x, 0));

    private static float Clamp(double x, double min, double max) => (float)Math.Clamp(x, min, max);
}
