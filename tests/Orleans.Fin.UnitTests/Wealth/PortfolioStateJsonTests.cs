using System.Text.Json;
using Orleans.Fin.Wealth;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

/// <summary>Portfolio state is stored as System.Text.Json with default options (no type names), as the silo's storage serializer writes it.</summary>
public sealed class PortfolioStateJsonTests
{
    [Fact]
    public void Deserialize_StateWrittenBeforeTheRiskClassRename_KeepsTheClass()
    {
        var state = JsonSerializer.Deserialize<PortfolioState>("""{"SchemaVersion":1,"Exists":true,"CustomerId":"cus_w","RiskLevel":4}""")!;

        Assert.Equal(InvestorRiskClass.C4, state.RiskClass);
        Assert.Equal("cus_w", state.CustomerId);
    }

    [Fact]
    public void Serialize_RiskClass_IsStoredUnderItsFirstName()
    {
        var json = JsonSerializer.Serialize(new PortfolioState { RiskClass = InvestorRiskClass.C2 });

        Assert.Contains("\"RiskLevel\":2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("RiskClass", json, StringComparison.Ordinal);
    }
}
