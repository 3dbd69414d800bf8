using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Risk;

/// <summary>
/// The customers seen on one device (bindings, logins, payments). From <see cref="RiskControlOptions.SharedDeviceCustomers"/>
/// distinct customers on, every one of them gets a shared-device signal, and one ring alert is raised.
/// </summary>
public sealed class DeviceIndexGrain(
    [PersistentState("device", FinNames.Storage)] IPersistentState<DeviceIndexState> state,
    IOptions<RiskControlOptions> control,
    TimeProvider clock) : Grain, IDeviceIndexGrain
{
    public const int MaxCustomers = 100;

    public async Task Record(string customerId, DateTimeOffset at)
    {
        var s = state.State;
        if (!Bounded.AddDistinct(s.Customers, customerId, MaxCustomers))
        {
            return;
        }

        var deviceId = this.GetPrimaryKeyString();
        if (s.Customers.Count >= control.Value.SharedDeviceCustomers)
        {
            var description = $"Device {deviceId} is used by {s.Customers.Count} customers";
            foreach (var customer in s.Customers.Where(c => !s.Signalled.Contains(c, StringComparer.Ordinal)).ToList())
            {
                Bounded.Add(s.Signalled, customer, MaxCustomers);
                _ = GrainFactory.GetGrain<IRiskGrain>(customer).RaiseSignal(new RingSignal(RingSignalKind.SharedDevice, deviceId, description, at));
            }

            if (!s.Alerted)
            {
                s.Alerted = true;
                await GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).Raise(new AlertDraft(
                    AlertKind.RingDetected, customerId, RiskLevel.Medium, description, ["SHARED_DEVICE"], null, clock.GetUtcNow()));
            }
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetCustomers() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Customers]);
}

public sealed class DeviceIndexState
{
    public int SchemaVersion { get; set; } = 1;
    public List<string> Customers { get; set; } = [];
    public List<string> Signalled { get; set; } = [];
    public bool Alerted { get; set; }
}
