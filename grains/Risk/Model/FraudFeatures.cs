using System.Reflection;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// The behavioural features of one payment, as the fraud model sees them. All are computed by
/// <see cref="FraudFeatureExtractor"/> from the profile before the payment plus the payment itself; counts include the
/// payment. Logs are natural logs of 1 + x. Adding, removing or changing a feature needs a retrained model.
/// </summary>
public class FraudFeatures
{
    /// <summary>ln(1 + amount in CNY).</summary>
    public float AmountLog { get; set; }

    /// <summary>How many standard deviations the ln amount lies above the customer's mean (0 without history).</summary>
    public float AmountZ { get; set; }

    /// <summary>ln(amount / the largest amount paid before), 0 without history.</summary>
    public float AmountToMaxLog { get; set; }

    /// <summary>ln(1 + completed payments before).</summary>
    public float HistoryLog { get; set; }

    public float Payments10Min { get; set; }
    public float PaymentsHour { get; set; }
    public float PaymentsDay { get; set; }

    /// <summary>Payments of at least 5,000 CNY in the last hour.</summary>
    public float LargePaymentsHour { get; set; }

    /// <summary>Payments of at most 10 CNY in the last 10 minutes.</summary>
    public float TinyPayments10Min { get; set; }

    public float DistinctPayees10Min { get; set; }
    public float NewPayeePaymentsHour { get; set; }
    public float DeclinedHour { get; set; }

    /// <summary>ln(1 + CNY sent in the last hour).</summary>
    public float SumHourLog { get; set; }

    public float NewPayee { get; set; }

    /// <summary>ln(1 + completed payments to this payee before).</summary>
    public float PayeeHistoryLog { get; set; }

    /// <summary>1 when the device was never seen before (or none is given).</summary>
    public float NewDevice { get; set; }

    /// <summary>ln(1 + hours since the device was first seen), capped at 30 days.</summary>
    public float DeviceAgeLog { get; set; }

    public float KnownDevices { get; set; }

    /// <summary>ln(1 + minutes since the latest login), capped at a day.</summary>
    public float MinutesSinceLoginLog { get; set; }

    /// <summary>A login from a new device in the last 2 hours.</summary>
    public float RecentNewDeviceLogin { get; set; }

    /// <summary>ln(1 + the fastest km/h any login or this payment needed in the last 2 hours), 0 when unknown.</summary>
    public float TravelSpeedLog { get; set; }

    /// <summary>1 when the city was never seen before for this customer.</summary>
    public float NewCity { get; set; }

    /// <summary>ln(1 + km from the customer's most visited city), 0 when unknown.</summary>
    public float DistanceFromHomeLog { get; set; }

    /// <summary>Hour of day in China Standard Time.</summary>
    public float Hour { get; set; }

    /// <summary>Share of the customer's past payments made within an hour of this time of day.</summary>
    public float HourShare { get; set; }

    /// <summary>ln(1 + CNY received in the last 24 hours).</summary>
    public float InflowDayLog { get; set; }

    /// <summary>CNY sent in the last hour (this payment included) over 1 + CNY received in the last 24 hours, capped at 10.</summary>
    public float OutToInDay { get; set; }

    /// <summary>ln(1 + minutes since the previous payment), capped at a day.</summary>
    public float MinutesSincePaymentLog { get; set; }

    /// <summary>ln(1 + days since the customer was first seen), capped at a year.</summary>
    public float ProfileAgeLog { get; set; }

    /// <summary>The names of the feature columns, in declaration order.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } =
        [.. typeof(FraudFeatures).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType == typeof(float))
            .OrderBy(p => p.MetadataToken)
            .Select(p => p.Name)];
}
