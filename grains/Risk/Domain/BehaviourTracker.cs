using Orleans.Fin.Payments;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Folds events from a customer's activity stream into the <see cref="BehaviourProfile"/>. Pure: time is the event's
/// <see cref="CustomerActivity.At"/>. Production (the risk grain) and the training simulator both go through here, so the
/// model is trained on exactly the windows it is served.
/// </summary>
public static class BehaviourTracker
{
    public const string DeclinedStatus = "Declined";

    /// <summary>How many of the latest payment records a new one looks through for a context to share.</summary>
    private const int RecentPayments = 16;

    /// <summary>
    /// Adds the event to the profile's windows and aggregates. Returns false, changing nothing, when the event id was
    /// already seen (a redelivered event).
    /// </summary>
    public static bool Observe(BehaviourProfile profile, CustomerActivity activity)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrEmpty(activity.EventId);

        var key = EventKey.Of(activity.EventId);
        if (profile.SeenEventDigests.Contains(key.Id))
        {
            return false;
        }

        RememberEvent(profile, key.Id);
        var at = activity.At;
        if (profile.FirstEventAt is null || at < profile.FirstEventAt)
        {
            profile.FirstEventAt = at;
        }

        if (profile.LastEventAt is null || at > profile.LastEventAt)
        {
            profile.LastEventAt = at;
        }

        switch (activity.Kind)
        {
            case ActivityKind.Login:
                ObserveLogin(profile, activity, key);
                break;
            case ActivityKind.PaymentOut:
            case ActivityKind.Withdrawal:
                ObservePayment(profile, activity, key);
                break;
            case ActivityKind.Deposit:
            case ActivityKind.PaymentIn:
                ObserveInflow(profile, activity, key);
                break;
        }

        Prune(profile);
        return true;
    }

    /// <summary>Whether the event id is among the recent ones already observed.</summary>
    public static bool HasSeen(BehaviourProfile profile, string eventId) =>
        profile.SeenEventDigests.Contains(EventDigest.Of(eventId));

    private static void ObserveLogin(BehaviourProfile profile, CustomerActivity activity, EventKey key)
    {
        var newDevice = TouchDevice(profile, activity.DeviceId, key, activity.At);
        var (country, city) = ProfileStrings.Place(profile, activity.Country, activity.City);
        InsertByTime(profile.Logins, new LoginRecord
        {
            Event = key,
            At = activity.At,
            DeviceId = ProfileStrings.Device(profile, activity.DeviceId),
            Ip = activity.Ip,
            Country = country,
            City = city,
            NewDevice = newDevice,
        }, r => r.At, BehaviourLimits.MaxLogins);
        TouchPlace(profile, activity.Country, activity.City, key, activity.At);
    }

    private static void ObservePayment(BehaviourProfile profile, CustomerActivity activity, EventKey key)
    {
        var declined = string.Equals(activity.Status, DeclinedStatus, StringComparison.OrdinalIgnoreCase);
        var amount = activity.Amount ?? 0m;
        var amountCny = RiskCurrency.ToCny(amount, activity.Currency);
        var payee = activity.Kind == ActivityKind.PaymentOut ? ProfileStrings.Account(profile, activity.CounterpartyAccountId) : null;
        var newPayee = payee is not null && ProfileQueries.FindPayee(profile, payee) is null;
        var newDevice = TouchDevice(profile, activity.DeviceId, key, activity.At);

        // One record per movement: a later event of the same movement ("{movementId}:…", e.g. the completed payment after
        // a challenged attempt) supersedes the earlier one, so one payment never counts twice in a burst.
        profile.Payments.RemoveAll(p => p.Event.Movement == key.Movement);

        var (country, city) = ProfileStrings.Place(profile, activity.Country, activity.City);
        var context = new PaymentContext(ProfileStrings.Currency(activity.Currency), payee, ProfileStrings.Device(profile, activity.DeviceId), country, city);
        InsertByTime(profile.Payments, new PaymentRecord
        {
            Event = key,
            At = activity.At,
            Amount = amount,
            AmountCny = amountCny,
            Context = SharedParts.Find(profile.Payments, p => p.Context, context, RecentPayments),
            Withdrawal = activity.Kind == ActivityKind.Withdrawal,
            Declined = declined,
            NewPayee = newPayee,
            NewDevice = newDevice,
        }, r => r.At, BehaviourLimits.MaxPayments);
        TouchPlace(profile, activity.Country, activity.City, key, activity.At);

        if (declined)
        {
            return;
        }

        if (payee is not null)
        {
            TouchPayee(profile, payee, key, activity.At);
        }

        if (amountCny > 0)
        {
            UpdateAmounts(profile.Amounts, amountCny, key);
            CountHour(profile.PaymentHours, activity.At);
        }
    }

    private static void ObserveInflow(BehaviourProfile profile, CustomerActivity activity, EventKey key)
    {
        if (string.Equals(activity.Status, DeclinedStatus, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        InsertByTime(profile.Inflows, new InflowRecord
        {
            Event = key,
            At = activity.At,
            AmountCny = RiskCurrency.ToCny(activity.Amount ?? 0m, activity.Currency),
            CounterpartyAccountId = ProfileStrings.Account(profile, activity.CounterpartyAccountId),
        }, r => r.At, BehaviourLimits.MaxInflows);
    }

    private static void RememberEvent(BehaviourProfile profile, ulong digest)
    {
        // The oldest make room first, so a full list is not grown past its bound for one append.
        var excess = profile.SeenEventDigests.Count + 1 - BehaviourLimits.MaxEventIds;
        if (excess > 0)
        {
            profile.SeenEventDigests.RemoveRange(0, excess);
        }

        RecordCapacity.EnsureRoom(profile.SeenEventDigests, BehaviourLimits.MaxEventIds);
        profile.SeenEventDigests.Add(digest);
    }

    /// <summary>Records a device sighting; true when it is a device not seen before while others were known.</summary>
    private static bool TouchDevice(BehaviourProfile profile, string? deviceId, EventKey key, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(deviceId))
        {
            return false;
        }

        var known = profile.Devices.Find(d => d.DeviceId == deviceId);
        if (known is not null)
        {
            known.Uses++;
            known.LastSeen = Max(known.LastSeen, at);
            return false;
        }

        var hadOthers = profile.Devices.Count > 0;
        RecordCapacity.EnsureRoom(profile.Devices, BehaviourLimits.MaxDevices);
        profile.Devices.Add(new DeviceRecord { DeviceId = deviceId, FirstSeen = at, LastSeen = at, FirstEvent = key, Uses = 1 });
        EvictLeastRecent(profile.Devices, BehaviourLimits.MaxDevices, d => d.LastSeen);
        return hadOthers;
    }

    private static void TouchPayee(BehaviourProfile profile, string payee, EventKey key, DateTimeOffset at)
    {
        var known = ProfileQueries.FindPayee(profile, payee);
        if (known is null)
        {
            RecordCapacity.EnsureRoom(profile.Payees, BehaviourLimits.MaxPayees);
            profile.Payees.Add(new PayeeRecord { AccountId = payee, FirstPaid = at, LastPaid = at, FirstEvent = key, LastEvent = key, Payments = 1 });
            EvictLeastRecent(profile.Payees, BehaviourLimits.MaxPayees, p => p.LastPaid);
            return;
        }

        known.Payments++;
        known.LastPaid = Max(known.LastPaid, at);
        known.LastEvent = key;
    }

    private static void TouchPlace(BehaviourProfile profile, string? country, string? city, EventKey key, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(city))
        {
            return;
        }

        var known = ProfileQueries.FindPlace(profile, city);
        if (known is null)
        {
            RecordCapacity.EnsureRoom(profile.Places, BehaviourLimits.MaxPlaces);
            profile.Places.Add(new PlaceRecord { Country = country, City = city, FirstSeen = at, LastSeen = at, FirstEvent = key, LastEvent = key, Visits = 1 });
            EvictLeastRecent(profile.Places, BehaviourLimits.MaxPlaces, p => p.LastSeen);
            return;
        }

        known.Visits++;
        known.LastSeen = Max(known.LastSeen, at);
        known.LastEvent = key;
    }

    private static void UpdateAmounts(AmountHistory history, decimal amountCny, EventKey key)
    {
        history.PreviousCount = history.Count;
        history.PreviousMeanLog = history.MeanLog;
        history.PreviousVarianceLog = history.VarianceLog;
        history.PreviousMaxCny = history.MaxCny;
        history.LastEvent = key;

        var x = Math.Log((double)amountCny);
        history.Count++;
        var alpha = 1.0 / Math.Min(history.Count, BehaviourLimits.AmountMemory);
        var delta = x - history.MeanLog;
        history.MeanLog += alpha * delta;
        history.VarianceLog = (1 - alpha) * (history.VarianceLog + (alpha * delta * delta));
        history.MaxCny = Math.Max(history.MaxCny, amountCny);
    }

    private static void CountHour(List<int> hours, DateTimeOffset at)
    {
        if (hours.Count != 24)
        {
            hours.Clear();
            hours.AddRange(new int[24]);
        }

        hours[at.ToOffset(BehaviourLimits.LocalOffset).Hour]++;
        if (hours.Sum() > BehaviourLimits.HourHistogramCap)
        {
            for (var h = 0; h < 24; h++)
            {
                hours[h] /= 2;
            }
        }
    }

    private static void Prune(BehaviourProfile profile)
    {
        var cutoff = profile.LastEventAt!.Value - BehaviourLimits.Window;
        Trim(profile.Payments, BehaviourLimits.MaxPayments, r => r.At, cutoff);
        Trim(profile.Logins, BehaviourLimits.MaxLogins, r => r.At, cutoff);
        Trim(profile.Inflows, BehaviourLimits.MaxInflows, r => r.At, cutoff);
    }

    /// <summary>Drops records at or before the cutoff and then the oldest beyond the cap (lists are oldest first).</summary>
    private static void Trim<T>(List<T> records, int cap, Func<T, DateTimeOffset> at, DateTimeOffset cutoff)
    {
        var old = 0;
        while (old < records.Count && at(records[old]) <= cutoff)
        {
            old++;
        }

        var remove = Math.Max(old, records.Count - cap);
        if (remove > 0)
        {
            records.RemoveRange(0, remove);
        }
    }

    /// <summary>
    /// Keeps a list ordered by time, oldest first; events usually arrive in order, so this is an append. A full list grows
    /// by <see cref="RecordCapacity"/> towards its bound rather than doubling.
    /// </summary>
    private static void InsertByTime<T>(List<T> records, T record, Func<T, DateTimeOffset> at, int bound)
    {
        RecordCapacity.EnsureRoom(records, bound);
        var when = at(record);
        var index = records.Count;
        while (index > 0 && at(records[index - 1]) > when)
        {
            index--;
        }

        records.Insert(index, record);
    }

    private static void EvictLeastRecent<T>(List<T> records, int cap, Func<T, DateTimeOffset> lastUsed)
    {
        while (records.Count > cap)
        {
            var oldest = 0;
            for (var i = 1; i < records.Count; i++)
            {
                if (lastUsed(records[i]) < lastUsed(records[oldest]))
                {
                    oldest = i;
                }
            }

            records.RemoveAt(oldest);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
