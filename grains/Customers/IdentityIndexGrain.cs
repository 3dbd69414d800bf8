using Orleans.Fin.Common;

namespace Orleans.Fin.Customers;

/// <summary>
/// Claims an identity number for one customer. Touched once at onboarding (and by a repeated registration), so it
/// leaves memory soon after instead of staying as one more activation per new customer.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class IdentityIndexGrain(
    [PersistentState("identity", FinNames.Storage)] IPersistentState<IdentityIndexState> state,
    TimeProvider clock) : Grain, IIdentityIndexGrain
{
    public async Task<RegistrationResult> Register(CustomerDraft draft)
    {
        if (state.State.CustomerId is { } existing)
        {
            // A claim whose customer was never created (a failure between the two writes) is completed now.
            var customer = GrainFactory.GetGrain<ICustomerGrain>(existing);
            if (await customer.Get() is not null)
            {
                return new RegistrationResult(existing, Created: false);
            }

            await customer.Create(draft);
            return new RegistrationResult(existing, Created: true);
        }

        var customerId = FinIds.New(IdPrefixes.Customer, clock.GetUtcNow());
        state.State.CustomerId = customerId;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICustomerGrain>(customerId).Create(draft);
        return new RegistrationResult(customerId, Created: true);
    }
}
