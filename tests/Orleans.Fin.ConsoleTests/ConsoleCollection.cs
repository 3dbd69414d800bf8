namespace Orleans.Fin.ConsoleTests;

/// <summary>The console tests share one node and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
