namespace Orleans.Fin.Api.Tests;

/// <summary>Every API test class belongs to this collection: they share one node and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<FinNodeFixture>
{
    public const string Name = "api";
}
