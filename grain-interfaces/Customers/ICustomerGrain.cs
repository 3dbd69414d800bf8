using Orleans.Fin.Accounts;

namespace Orleans.Fin.Customers;

/// <summary>One customer: KYC profile, bound devices, accounts. Keyed by customer id.</summary>
[Alias("fin.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the profile; called once by the identity index. Idempotent.</summary>
    [Alias("Create")]
    Task<CustomerProfile> Create(CustomerDraft draft);

    /// <summary>The profile, or null when no customer has this id.</summary>
    [Alias("Get")]
    Task<CustomerProfile?> Get();

    /// <summary>Binds a device without a second factor (first device, or an operator who checked the customer in person).</summary>
    [Alias("BindDevice")]
    Task BindDevice(string deviceId);

    /// <summary>
    /// Binds a device for the customer itself: once a device is bound, a new one needs a one-time code sent to the phone
    /// (first call without <paramref name="otp"/> sends it). The binding is published as a risk event.
    /// </summary>
    [Alias("BindDeviceWithCode")]
    Task<DeviceBindingResult> BindDeviceWithCode(string deviceId, string? otp);

    /// <summary>Records a login and publishes it on the customer's activity stream.</summary>
    [Alias("RecordLogin")]
    Task RecordLogin(LoginAttempt login);

    /// <summary>Opens an account in <paramref name="currency"/> for this customer.</summary>
    [Alias("OpenAccount")]
    Task<AccountView> OpenAccount(string currency);

    /// <summary>Lists a portfolio opened for this customer (before the portfolio is written, so a listed id may not exist). Idempotent.</summary>
    [Alias("AddPortfolio")]
    Task AddPortfolio(string portfolioId);

    /// <summary>
    /// Keeps the customer's newest risk assessment (an older one is ignored) and answers the customer's portfolio ids,
    /// so the caller can tell the other portfolios.
    /// </summary>
    [Alias("RecordAssessment")]
    Task<IReadOnlyList<string>> RecordAssessment(Wealth.InvestorAssessment assessment);

    /// <summary>The risk engine's current level for this customer (shown on the profile). Idempotent.</summary>
    [Alias("SetRiskLevel")]
    Task SetRiskLevel(RiskLevel level);
}
