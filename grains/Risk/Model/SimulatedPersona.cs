namespace Orleans.Fin.Risk.Model;

/// <summary>Who a simulated customer is: where they live and travel, their devices, payees, amounts and rhythm.</summary>
internal sealed class SimulatedPersona
{
    public required int Index { get; init; }
    public required string CustomerId { get; init; }
    public required string AccountId { get; init; }
    public required string Currency { get; init; }
    public required string HomeCity { get; init; }
    public required string PrimaryDevice { get; init; }
    public string? SecondDevice { get; init; }

    /// <summary>A new phone replaces the primary device at this time, and is bound a little later.</summary>
    public (DateTimeOffset At, DateTimeOffset BoundAt, string Device)? PhoneChange { get; init; }

    /// <summary>A one-off login and payments from a browser that is never bound.</summary>
    public (DateTimeOffset At, string Device)? BrowserSession { get; init; }

    public SimulatedTrip? Trip { get; init; }
    public required double MedianCny { get; init; }
    public required double Sigma { get; init; }
    public required double SessionsPerDay { get; init; }
    public required double[] HourWeights { get; init; }
    public required List<string> Merchants { get; init; }
    public required List<string> Friends { get; init; }
    public string? Landlord { get; init; }
    public int RentDay { get; init; }
    public double RentCny { get; init; }
    public required string Employer { get; init; }
    public int SalaryDay { get; init; }
    public double SalaryCny { get; init; }
    public bool RidesMetro { get; init; }
    public required string Utility { get; init; }

    /// <summary>Where the customer is at a time; null while travelling between cities (no events then).</summary>
    public string? CityAt(DateTimeOffset at)
    {
        if (Trip is not { } trip)
        {
            return HomeCity;
        }

        if (at >= trip.Depart && at < trip.Arrive || at >= trip.ReturnDepart && at < trip.ReturnArrive)
        {
            return null;
        }

        return at >= trip.Arrive && at < trip.ReturnDepart ? trip.Destination : HomeCity;
    }

    public string DeviceAt(DateTimeOffset at, bool second) =>
        second && SecondDevice is not null ? SecondDevice : PhoneChange is { } change && at >= change.At ? change.Device : PrimaryDevice;

    /// <summary>When the device was bound during the simulation (the new phone); null for devices bound before it.</summary>
    public DateTimeOffset? BoundAt(string device) => PhoneChange is { } change && device == change.Device ? change.BoundAt : null;

    public bool IsBound(string device, DateTimeOffset at) =>
        device == PrimaryDevice || device == SecondDevice || PhoneChange is { } change && device == change.Device && at >= change.BoundAt;
}
