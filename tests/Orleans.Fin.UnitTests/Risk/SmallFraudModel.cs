using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>A small model trained once for the model tests (a second or two on one core).</summary>
public sealed class SmallFraudModel
{
    public SmallFraudModel()
    {
        Rows = FraudTrainingSet.Build(new TransactionSimulator(new SimulationOptions { Seed = 3, Customers = 500, FraudCustomerShare = 0.25 }).Customers());
        Model = FraudModelTrainer.Train(Rows, new FraudTrainingOptions { Seed = 3, Trees = 50 });
    }

    public List<LabelledFraudFeatures> Rows { get; }

    public FraudModel Model { get; }
}
