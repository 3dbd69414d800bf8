namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The instance a new window record keeps of a device id, an account id, a city or a currency: one the profile already
/// holds when it is the same text (its devices, payees, places and latest inflows), so that the records of a customer
/// who stays active share one copy each, as those of a profile read back from storage do. Values never change.
/// </summary>
internal static class ProfileStrings
{
    private const int RecentInflows = 16;

    public static string? Device(BehaviourProfile profile, string? deviceId)
    {
        foreach (var device in profile.Devices)
        {
            if (string.Equals(device.DeviceId, deviceId, StringComparison.Ordinal))
            {
                return device.DeviceId;
            }
        }

        return deviceId;
    }

    public static string? Account(BehaviourProfile profile, string? accountId)
    {
        if (accountId is null)
        {
            return null;
        }

        if (ProfileQueries.FindPayee(profile, accountId) is { } payee)
        {
            return payee.AccountId;
        }

        for (var i = profile.Inflows.Count - 1; i >= Math.Max(0, profile.Inflows.Count - RecentInflows); i--)
        {
            if (string.Equals(profile.Inflows[i].CounterpartyAccountId, accountId, StringComparison.Ordinal))
            {
                return profile.Inflows[i].CounterpartyAccountId;
            }
        }

        return accountId;
    }

    public static (string? Country, string? City) Place(BehaviourProfile profile, string? country, string? city)
    {
        if (string.IsNullOrWhiteSpace(city) || ProfileQueries.FindPlace(profile, city) is not { } place)
        {
            return (country, city);
        }

        return (string.Equals(place.Country, country, StringComparison.Ordinal) ? place.Country : country,
            string.Equals(place.City, city, StringComparison.Ordinal) ? place.City : city);
    }

    public static string Currency(string? code)
    {
        foreach (var known in RiskCurrency.Codes)
        {
            if (string.Equals(known, code, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return code ?? "";
    }
}
