using System.Security.Cryptography;
using Orleans.Fin.Common;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.Customers;

/// <summary>
/// Device binding. A customer with a bound device proves a new one with a one-time code sent to the phone, counted
/// against the customer's step-up allowance (<see cref="IStepUpGuardGrain"/>); a binding is published as a risk event.
/// </summary>
public sealed partial class CustomerGrain
{
    public const int MaxBindingChallenges = 5;
    private const int SaltBytes = 16;

    public async Task BindDevice(string deviceId)
    {
        EnsureExists();
        if (!state.State.Devices.Contains(deviceId))
        {
            EnsureRoomForDevice();
            await BindAsync(deviceId);
        }
    }

    public async Task<DeviceBindingResult> BindDeviceWithCode(string deviceId, string? otp)
    {
        EnsureExists();
        if (state.State.Devices.Contains(deviceId))
        {
            return new DeviceBindingResult(DeviceBindingStatus.Bound);
        }

        EnsureRoomForDevice();
        if (state.State.Devices.Count == 0)
        {
            await BindAsync(deviceId);
            return new DeviceBindingResult(DeviceBindingStatus.Bound);
        }

        var guard = GrainFactory.GetGrain<IStepUpGuardGrain>(this.GetPrimaryKeyString());
        var gate = await guard.Check();
        if (!gate.Open)
        {
            return new DeviceBindingResult(DeviceBindingStatus.Locked, LockedUntil: gate.LockedUntil);
        }

        return otp is null ? await SendBindingCodeAsync(deviceId, guard) : await CheckBindingCodeAsync(deviceId, otp, guard);
    }

    private async Task<DeviceBindingResult> SendBindingCodeAsync(string deviceId, IStepUpGuardGrain guard)
    {
        var gate = await guard.Issue($"bind:{deviceId}");
        if (!gate.Open)
        {
            return new DeviceBindingResult(DeviceBindingStatus.Locked, LockedUntil: gate.LockedUntil);
        }

        var now = clock.GetUtcNow();
        var options = control.Value;
        var challenges = new List<OtpChallenge>(state.State.BindingChallenges);
        var previous = challenges.Find(c => c.MovementId == deviceId);
        var code = OneTimeCodes.Compose(options.OtpDigits, RandomNumberGenerator.GetInt32);
        var issued = OneTimeCodes.Issue(deviceId, code, RandomNumberGenerator.GetBytes(SaltBytes), now, options.OtpLifetime, previous);
        challenges.RemoveAll(c => c.MovementId == deviceId || c.ExpiresAt < now);
        Bounded.Add(challenges, issued, MaxBindingChallenges);
        state.State.BindingChallenges = challenges;
        await state.WriteStateAsync(); // the code's hash is durable before the code leaves
        await notifier.SendOneTimeCodeAsync(new OneTimeCodeNotice(
            this.GetPrimaryKeyString(), PhoneRules.Mask(state.State.Phone), $"bind:{deviceId}", code, issued.ExpiresAt, now,
            NotificationPurposes.DeviceBindingOtp));
        return new DeviceBindingResult(DeviceBindingStatus.ChallengeRequired, ExpiresAt: issued.ExpiresAt);
    }

    private async Task<DeviceBindingResult> CheckBindingCodeAsync(string deviceId, string otp, IStepUpGuardGrain guard)
    {
        var challenge = state.State.BindingChallenges.FirstOrDefault(c => c.MovementId == deviceId);
        switch (OneTimeCodes.Verify(challenge, otp, clock.GetUtcNow(), control.Value.OtpMaxAttempts))
        {
            case OtpCheck.Passed:
                state.State.BindingChallenges = Without(state.State.BindingChallenges, challenge!);
                await BindAsync(deviceId);
                return new DeviceBindingResult(DeviceBindingStatus.Bound);
            case OtpCheck.Wrong or OtpCheck.Exhausted:
                if (challenge!.Exhausted)
                {
                    state.State.BindingChallenges = Without(state.State.BindingChallenges, challenge);
                }

                await state.WriteStateAsync();
                var gate = await guard.WrongAnswer($"bind:{deviceId}");
                return gate.Open
                    ? new DeviceBindingResult(challenge.Exhausted ? DeviceBindingStatus.ExpiredCode : DeviceBindingStatus.WrongCode)
                    : new DeviceBindingResult(DeviceBindingStatus.Locked, LockedUntil: gate.LockedUntil);
            default:
                return new DeviceBindingResult(DeviceBindingStatus.ExpiredCode);
        }
    }

    private static OtpChallenge[] Without(IReadOnlyList<OtpChallenge> challenges, OtpChallenge challenge) =>
        [.. challenges.Where(c => !ReferenceEquals(c, challenge))];

    private void EnsureRoomForDevice()
    {
        if (state.State.Devices.Count >= MaxDevices)
        {
            throw new FinException(FinErrorCode.BusinessRule, $"A customer may bind at most {MaxDevices} devices.", "deviceId");
        }
    }

    private async Task BindAsync(string deviceId)
    {
        var customerId = this.GetPrimaryKeyString();
        var now = clock.GetUtcNow();
        state.State.Devices = [.. state.State.Devices, deviceId];
        await state.WriteStateAsync();
        _ = GrainFactory.GetGrain<IDeviceIndexGrain>(deviceId).Record(customerId, now);
        await GrainFactory.GetGrain<IRiskGrain>(customerId).DeviceBound(deviceId, now); // one-way: returns at once

        // The risk event: consumers of the activity stream see every new binding.
        await activity.Publish(new CustomerActivity(
            FinIds.New("evt", now), customerId, ActivityKind.DeviceBound, now, DeviceId: deviceId));
    }
}
