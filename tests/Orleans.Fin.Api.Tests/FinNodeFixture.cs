using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// One all-in-one node (silo + REST API, Development) shared by every API test class: starting a silo is slow, so tests
/// share it and isolate themselves with fresh customers and accounts instead.
/// </summary>
public sealed class FinNodeFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    public FinNodeFixture()
    {
    }

    private FinNodeFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    public const string OperatorSubject = "operator-1";
    public const string RiskOfficerSubject = "risk-officer-1";
    public const string AdminSubject = "admin-1";

    public FinNode Node { get; private set; } = null!;

    public FinApiClient Api { get; private set; } = null!;

    public string OperatorToken { get; private set; } = "";

    public string RiskOfficerToken { get; private set; } = "";

    public string AdminToken { get; private set; } = "";

    /// <summary>A node of its own with extra settings, for tests that need figures no other test adds to.</summary>
    public static FinNodeFixture With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    public async Task InitializeAsync()
    {
        Node = new FinNode(_settings);
        Api = Node.Api();
        await Api.WaitUntilReadyAsync();
        OperatorToken = await Api.TokenAsync(OperatorSubject, "operator");
        RiskOfficerToken = await Api.TokenAsync(RiskOfficerSubject, "risk-officer");
        AdminToken = await Api.TokenAsync(AdminSubject, "admin");
    }

    public async Task DisposeAsync()
    {
        Api?.Http.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }
    }
}
