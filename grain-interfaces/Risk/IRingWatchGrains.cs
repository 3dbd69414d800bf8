using Orleans.Concurrency;

namespace Orleans.Fin.Risk;

/// <summary>Which customers use a device (keyed by device id); several customers on one device raise their risk.</summary>
[Alias("fin.IDeviceIndexGrain")]
public interface IDeviceIndexGrain : IGrainWithStringKey
{
    /// <summary>Fed by bindings, logins and payments. One-way: feeders never wait on the index.</summary>
    [OneWay]
    [Alias("Record")]
    Task Record(string customerId, DateTimeOffset at);

    [Alias("GetCustomers")]
    Task<IReadOnlyList<string>> GetCustomers();
}

/// <summary>
/// Who pays an account (keyed by the receiving account id): flagged customers paying it make it a suspected mule;
/// risky payment attempts from several customers make it a suspected scam collector (a watched beneficiary).
/// </summary>
[Alias("fin.IPayeeWatchGrain")]
public interface IPayeeWatchGrain : IGrainWithStringKey
{
    [OneWay]
    [Alias("RecordFlaggedSender")]
    Task RecordFlaggedSender(string customerId, DateTimeOffset at);

    /// <summary>
    /// A customer is about to pay this account: records the attempt when it is risky and answers whether the account is
    /// a watched beneficiary (this attempt included).
    /// </summary>
    [Alias("AssessInbound")]
    Task<bool> AssessInbound(string customerId, bool risky, DateTimeOffset at);
}
