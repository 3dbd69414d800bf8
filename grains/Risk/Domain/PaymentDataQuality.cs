namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Whether a payment check carries what the risk engine reads (the data-quality record of the plan's indicator): a
/// positive amount, a currency with a reference rate, a channel, the device, the IP address, the country and city, and
/// a time no later than <see cref="MaxClockSkew"/> after the engine's clock. Returns the missing or invalid fields.
/// </summary>
public static class PaymentDataQuality
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static IReadOnlyList<string> Problems(PaymentCandidate candidate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        List<string> problems = [];
        if (candidate.Amount <= 0)
        {
            problems.Add("amount");
        }

        if (!RiskCurrency.IsKnown(candidate.Currency))
        {
            problems.Add("currency");
        }

        Require(problems, "channel", candidate.Channel);
        Require(problems, "deviceId", candidate.DeviceId);
        Require(problems, "ip", candidate.Ip);
        Require(problems, "country", candidate.Country);
        Require(problems, "city", candidate.City);
        if (candidate.At > now + MaxClockSkew)
        {
            problems.Add("at");
        }

        return problems;
    }

    private static void Require(List<string> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(field);
        }
    }
}
