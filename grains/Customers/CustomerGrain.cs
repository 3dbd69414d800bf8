using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.Customers;

public sealed partial class CustomerGrain(
    [PersistentState("customer", FinNames.Storage)] IPersistentState<CustomerState> state,
    TimeProvider clock,
    INotifier notifier,
    ActivityPublisher activity,
    IOptions<RiskControlOptions> control,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    public const int MaxDevices = 10;
    public const int MaxAccounts = 20;
    public const int MaxPortfolios = 20;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.SchemaVersion < CustomerState.CurrentSchema)
        {
            // Schema 1 kept enough of the identity number (region, birth date, a wide mask) to rebuild it.
            state.State.MaskedIdNumber = ResidentIdentityRules.Remask(state.State.MaskedIdNumber);
            state.State.RegionCode = state.State.RegionCode.Length >= 2 ? state.State.RegionCode[..2] : "";
            state.State.SchemaVersion = CustomerState.CurrentSchema;
            if (state.RecordExists)
            {
                await state.WriteStateAsync(cancellationToken);
            }
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task<CustomerProfile> Create(CustomerDraft draft)
    {
        if (!state.State.Exists)
        {
            var s = state.State;
            s.Exists = true;
            s.Name = draft.Name;
            s.MaskedIdNumber = draft.MaskedIdNumber;
            s.BirthDate = draft.BirthDate;
            s.RegionCode = draft.RegionCode;
            s.Phone = draft.Phone;
            s.KycStatus = KycStatus.Verified;
            s.RiskLevel = RiskLevel.Low;
            s.Devices = [draft.DeviceId];
            s.CreatedAt = clock.GetUtcNow();
            await state.WriteStateAsync();
            _ = GrainFactory.GetGrain<IDeviceIndexGrain>(draft.DeviceId).Record(this.GetPrimaryKeyString(), s.CreatedAt);
            FinMetrics.Customers.Add(1);
            LogOnboarded(logger, this.GetPrimaryKeyString(), draft.RegionCode);
        }

        return ToProfile();
    }

    public Task<CustomerProfile?> Get() => Task.FromResult(state.State.Exists ? ToProfile() : null);

    public async Task RecordLogin(LoginAttempt login)
    {
        EnsureExists();
        var now = clock.GetUtcNow();
        state.State.LastLoginAt = now;
        await state.WriteStateAsync();
        var eventId = FinIds.New("evt", now);
        await activity.Publish(new CustomerActivity(
            eventId, this.GetPrimaryKeyString(), ActivityKind.Login, now,
            DeviceId: login.DeviceId, Ip: login.Ip, Country: login.Country, City: login.City));
    }

    public async Task<AccountView> OpenAccount(string currency)
    {
        EnsureExists();
        if (!Currencies.IsSupported(currency))
        {
            throw new FinException(FinErrorCode.Validation, $"currency must be one of {string.Join(", ", Currencies.Supported)}.", "currency");
        }

        if (state.State.AccountIds.Count >= MaxAccounts)
        {
            throw new FinException(FinErrorCode.BusinessRule, $"A customer may hold at most {MaxAccounts} accounts.");
        }

        var accountId = FinIds.New(IdPrefixes.Account, clock.GetUtcNow());
        var view = await GrainFactory.GetGrain<IAccountGrain>(accountId).Open(new AccountOpening(this.GetPrimaryKeyString(), currency));
        state.State.AccountIds = [.. state.State.AccountIds, accountId];
        await state.WriteStateAsync();
        return view;
    }

    public async Task AddPortfolio(string portfolioId)
    {
        EnsureExists();
        if (!state.State.PortfolioIds.Contains(portfolioId))
        {
            if (state.State.PortfolioIds.Count >= MaxPortfolios)
            {
                throw new FinException(FinErrorCode.BusinessRule, $"A customer may hold at most {MaxPortfolios} portfolios.");
            }

            state.State.PortfolioIds = [.. state.State.PortfolioIds, portfolioId];
            await state.WriteStateAsync();
        }
    }

    public async Task<IReadOnlyList<string>> RecordAssessment(InvestorAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        EnsureExists();
        if (state.State.Assessment is not { } current || assessment.AssessedAt > current.AssessedAt)
        {
            state.State.Assessment = new AssessmentRecord
            {
                Answers = [.. assessment.Answers],
                Goal = assessment.Goal,
                HorizonYears = assessment.HorizonYears,
                RiskLevel = assessment.RiskLevel,
                AssessedAt = assessment.AssessedAt,
            };
            await state.WriteStateAsync();
        }

        return [.. state.State.PortfolioIds];
    }

    public async Task SetRiskLevel(RiskLevel level)
    {
        EnsureExists();
        if (state.State.RiskLevel != level)
        {
            state.State.RiskLevel = level;
            await state.WriteStateAsync();
        }
    }

    private void EnsureExists()
    {
        if (!state.State.Exists)
        {
            throw FinException.NotFound("Customer");
        }
    }

    private CustomerProfile ToProfile()
    {
        var s = state.State;
        return new CustomerProfile(
            this.GetPrimaryKeyString(), s.Name, s.MaskedIdNumber, PhoneRules.Mask(s.Phone), s.BirthDate,
            s.KycStatus, s.RiskLevel, s.CreditScore, [.. s.Devices], [.. s.AccountIds], s.CreatedAt, [.. s.PortfolioIds],
            s.Assessment is { } a ? new InvestorAssessment([.. a.Answers], a.Goal, a.HorizonYears, a.RiskLevel, a.AssessedAt) : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} onboarded (province {RegionCode})")]
    private static partial void LogOnboarded(ILogger logger, string customerId, string regionCode);
}
