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

/// <summary>Which flagged customers pay an account (keyed by the receiving account id); several of them make it a suspected mule.</summary>
[Alias("fin.IPayeeWatchGrain")]
public interface IPayeeWatchGrain : IGrainWithStringKey
{
    [OneWay]
    [Alias("RecordFlaggedSender")]
    Task RecordFlaggedSender(string customerId, DateTimeOffset at);
}
