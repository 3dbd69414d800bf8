namespace Orleans.Fin.Customers;

public enum DeviceBindingStatus
{
    /// <summary>The device is bound now (or already was).</summary>
    Bound = 0,

    /// <summary>A one-time code was sent to the customer's phone: repeat with it.</summary>
    ChallengeRequired = 1,

    /// <summary>The code is wrong; attempts may remain.</summary>
    WrongCode = 2,

    /// <summary>The code expired, was used, or was never sent for this device: ask again without a code.</summary>
    ExpiredCode = 3,

    /// <summary>Too many codes or wrong answers: step-up is locked until <see cref="DeviceBindingResult.LockedUntil"/>.</summary>
    Locked = 4,
}

/// <summary>The outcome of a request to bind a device.</summary>
[GenerateSerializer, Immutable, Alias("fin.DeviceBindingResult")]
public sealed record DeviceBindingResult(DeviceBindingStatus Status, DateTimeOffset? ExpiresAt = null, DateTimeOffset? LockedUntil = null);
