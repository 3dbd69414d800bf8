namespace Orleans.Fin.ProfileReport;

/// <summary>
/// CPU seconds the node, the load tool, the database server (Postgres profile) and all other processes used during the trace window, its wall time, the
/// machine's cores and the requests completed in it (any of them unknown when the caller did not measure it).
/// </summary>
public sealed record CpuWindow(double? NodeCpu, double? LoadCpu, double? DatabaseCpu, double? OtherCpu, double? Wall, int Cores, long? Requests);
