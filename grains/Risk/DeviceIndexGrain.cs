using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The customers seen on one device (bindings, logins, payments), watched by <see cref="RingWatch"/>. From
/// <see cref="RiskControlOptions.SharedDeviceCustomers"/> distinct customers on, every one of them gets a shared-device
/// signal, and one ring alert is raised.
/// </summary>
[CollectionAgeLimit(Minutes = 2)] // told of a device once per customer, not on every payment
public sealed class DeviceIndexGrain(
    [PersistentState("device", FinNames.Storage)] IPersistentState<DeviceIndexState> state,
    IOptions<RiskControlOptions> control,
    TimeProvider clock) : Grain, IDeviceIndexGrain
{
    public const int MaxCustomers = 100;

    public async Task Record(string customerId, DateTimeOffset at)
    {
        var s = state.State;
        s.Upgrade(at);
        var step = RingWatch.Record(s.Watch, customerId, at, control.Value.SharedDeviceCustomers, MaxCustomers);
        if (!step.Added)
        {
            return;
        }

        var deviceId = this.GetPrimaryKeyString();
        var description = $"Device {deviceId} is used by {s.Watch.Members.Count} customers";
        foreach (var customer in step.ToSignal)
        {
            _ = GrainFactory.GetGrain<IRiskGrain>(customer).RaiseSignal(new RingSignal(RingSignalKind.SharedDevice, deviceId, description, at));
        }

        if (step.FirstReached)
        {
            await GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
                AlertKind.RingDetected, customerId, RiskLevel.Medium, description, ["SHARED_DEVICE"], null, clock.GetUtcNow()));
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetCustomers()
    {
        state.State.Upgrade(clock.GetUtcNow());
        return Task.FromResult<IReadOnlyList<string>>([.. state.State.Watch.Members.Select(m => m.CustomerId)]);
    }
}
