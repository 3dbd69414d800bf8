using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orleans.Fin.TestSupport;

/// <summary>
/// An all-in-one node (silo + REST API) in the test process, by default in the Development environment, on free silo and gateway
/// ports. Extra settings (for example the Postgres profile) override the defaults.
/// </summary>
public sealed class FinNode(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development") : WebApplicationFactory<Program>
{
    public FinNode()
        : this(null, "Development")
    {
    }

    public int SiloPort { get; } = TestData.FreePort();

    public int GatewayPort { get; } = TestData.FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Cluster:SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", GatewayPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Security:AnonymousPermitsPerMinute", "1000000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");

        // Small retraining runs for tests (the real path, a fraction of the data) and a registry followed every 200 ms.
        builder.UseSetting("Models:PollInterval", "00:00:00.200");
        builder.UseSetting("Models:FraudRetrainCustomers", "300");
        builder.UseSetting("Models:FraudRetrainTrees", "40");
        builder.UseSetting("Models:CreditRetrainFolds", "2");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    public FinApiClient Api() => new(CreateClient());

    /// <summary>
    /// Serves the node on a real Kestrel port on the loopback interface (for clients outside the process, such as a
    /// browser) instead of the in-memory test server; call before anything else starts the node. Returns its address.
    /// </summary>
    public Uri ServeOnLoopback()
    {
        var port = TestData.FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        StartServer();
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }
}
