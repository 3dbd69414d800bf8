using System.Runtime.InteropServices;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Reads a profile "as it was before" a given event: scoring the payment the grain has just observed must see the same
/// history as scoring it inline before it happened. An event is named by an <see cref="EventMatch"/>: a movement id
/// (inline) names the events "{movementId}:{kind}" published for that movement; an event id names itself.
/// </summary>
internal static class ProfileQueries
{
    public static PayeeRecord? FindPayee(BehaviourProfile profile, string accountId)
    {
        // Called several times for each payment on both customers' profiles, each up to MaxPayees long.
        var hash = PayeeRecord.KeyHash(accountId);
        foreach (var payee in CollectionsMarshal.AsSpan(profile.Payees))
        {
            if (payee.Is(accountId, hash))
            {
                return payee;
            }
        }

        return null;
    }

    /// <summary>
    /// Money received in (<paramref name="from"/>, <paramref name="to"/>] from senders the customer never paid: its sum, how
    /// many distinct senders it came from and when the first of it arrived. Deposits from the customer's own bank (no
    /// sender) do not count. The payees are indexed once, so a full window of inflows against a full payee list costs a
    /// pass over each rather than one over the payees per inflow.
    /// </summary>
    public static (decimal Sum, int Senders, DateTimeOffset? First) InflowFromNewSenders(BehaviourProfile profile, DateTimeOffset from, DateTimeOffset to)
    {
        HashSet<string>? payees = null;
        HashSet<string>? senders = null;
        var sum = 0m;
        DateTimeOffset? first = null;
        foreach (var record in profile.Inflows)
        {
            if (record.At <= from || record.At > to || record.CounterpartyAccountId is not { } sender)
            {
                continue;
            }

            payees ??= PayeeAccounts(profile);
            if (payees.Contains(sender))
            {
                continue;
            }

            (senders ??= new(StringComparer.Ordinal)).Add(sender);
            sum += record.AmountCny;
            first = first is { } f && f <= record.At ? f : record.At;
        }

        return (sum, senders?.Count ?? 0, first);
    }

    private static HashSet<string> PayeeAccounts(BehaviourProfile profile)
    {
        HashSet<string> accounts = new(profile.Payees.Count, StringComparer.Ordinal);
        foreach (var payee in profile.Payees)
        {
            accounts.Add(payee.AccountId);
        }

        return accounts;
    }

    public static PlaceRecord? FindPlace(BehaviourProfile profile, string city)
    {
        foreach (var place in profile.Places)
        {
            if (string.Equals(place.City, city, StringComparison.OrdinalIgnoreCase))
            {
                return place;
            }
        }

        return null;
    }

    /// <summary>How many completed payments went to the payee before the event (0: a new payee).</summary>
    public static int PaymentsToPayeeBefore(BehaviourProfile profile, string? payee, EventMatch key)
    {
        if (payee is null || FindPayee(profile, payee) is not { } record || key.Names(record.FirstEvent))
        {
            return 0;
        }

        return record.Payments - (key.Names(record.LastEvent) ? 1 : 0);
    }

    /// <summary>The device as known before the event, or null when it was first seen on this event (or never).</summary>
    public static DeviceRecord? KnownDeviceBefore(BehaviourProfile profile, string? deviceId, EventMatch key)
    {
        if (string.IsNullOrEmpty(deviceId))
        {
            return null;
        }

        foreach (var device in profile.Devices)
        {
            if (device.DeviceId == deviceId)
            {
                return key.Names(device.FirstEvent) ? null : device;
            }
        }

        return null;
    }

    public static int KnownDeviceCountBefore(BehaviourProfile profile, EventMatch key)
    {
        var count = 0;
        foreach (var device in profile.Devices)
        {
            if (!key.Names(device.FirstEvent))
            {
                count++;
            }
        }

        return count;
    }

    public static bool KnownPlaceBefore(BehaviourProfile profile, string? city, EventMatch key) =>
        city is not null && FindPlace(profile, city) is { } place && !key.Names(place.FirstEvent);

    /// <summary>The most visited city before the event (the customer's home), or null.</summary>
    public static string? HomeCityBefore(BehaviourProfile profile, EventMatch key)
    {
        PlaceRecord? home = null;
        var best = 0;
        foreach (var place in profile.Places)
        {
            var visits = place.Visits - (key.Names(place.LastEvent) ? 1 : 0);
            if (visits > best)
            {
                best = visits;
                home = place;
            }
        }

        return home?.City;
    }

    /// <summary>Amount statistics of completed payments before the event.</summary>
    public static (long Count, double MeanLog, double VarianceLog, decimal MaxCny) AmountsBefore(BehaviourProfile profile, EventMatch key)
    {
        var h = profile.Amounts;
        return key.Names(h.LastEvent)
            ? (h.PreviousCount, h.PreviousMeanLog, h.PreviousVarianceLog, h.PreviousMaxCny)
            : (h.Count, h.MeanLog, h.VarianceLog, h.MaxCny);
    }

    /// <summary>Completed payments counted in the hour-of-day histogram before the event, at the given hour and in all.</summary>
    public static (int AtHour, int Total) HourCountsBefore(BehaviourProfile profile, int hour, EventMatch key)
    {
        var hours = profile.PaymentHours;
        if (hours.Count != 24)
        {
            return (0, 0);
        }

        var total = 0;
        foreach (var count in hours)
        {
            total += count;
        }

        var atHour = hours[hour] + hours[(hour + 23) % 24] + hours[(hour + 1) % 24];
        if (key.Names(profile.Amounts.LastEvent) && total > 0)
        {
            return (Math.Max(0, atHour - 1), total - 1);
        }

        return (atHour, total);
    }

    /// <summary>
    /// The latest login or payment with a city, at or before the time and within the window before it, other than the
    /// events excluded. (Older sightings say nothing about speed: no journey on Earth is impossible in a day.)
    /// </summary>
    public static (string City, DateTimeOffset At)? LastPlaceBefore(BehaviourProfile profile, DateTimeOffset at, EventMatch key, EventMatch alsoExclude = default)
    {
        (string City, DateTimeOffset At)? last = null;
        var from = at - BehaviourLimits.Window;
        for (var i = profile.Logins.Count - 1; i >= 0; i--)
        {
            var login = profile.Logins[i];
            if (login.At <= from)
            {
                break;
            }

            if (login.At <= at && !string.IsNullOrWhiteSpace(login.City) && !key.Names(login.Event) && !alsoExclude.Names(login.Event))
            {
                last = (login.City, login.At);
                break;
            }
        }

        for (var i = profile.Payments.Count - 1; i >= 0; i--)
        {
            var payment = profile.Payments[i];
            if (payment.At <= from)
            {
                break;
            }

            if (payment.At <= at && !string.IsNullOrWhiteSpace(payment.City) && !key.Names(payment.Event) && !alsoExclude.Names(payment.Event))
            {
                if (last is null || payment.At > last.Value.At)
                {
                    last = (payment.City, payment.At);
                }

                break;
            }
        }

        return last;
    }
}
