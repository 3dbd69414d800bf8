using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class TransactionSimulatorTests
{
    private static TransactionSimulator Simulator(int seed = 42, int customers = 30) =>
        new(new SimulationOptions { Seed = seed, Customers = customers, Days = 30 });

    [Fact]
    public void Customers_SameSeed_SameEvents()
    {
        var first = Simulator().Customers().ToList();
        var second = Simulator().Customers().ToList();

        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first[i].FraudPattern, second[i].FraudPattern);
            Assert.Equal(first[i].Events, second[i].Events);
        }
    }

    [Fact]
    public void Customers_OtherSeed_OtherEvents() =>
        Assert.NotEqual(Simulator(42).Customer(3).Events, Simulator(43).Customer(3).Events);

    [Fact]
    public void Customer_DoesNotDependOnHowManyCustomersAreSimulated() =>
        Assert.Equal(Simulator(customers: 5).Customer(4).Events, Simulator(customers: 500).Customer(4).Events);

    [Fact]
    public void TrainingSet_SameSeed_SameRows()
    {
        var first = FraudTrainingSet.Build(Simulator(customers: 10).Customers());
        var second = FraudTrainingSet.Build(Simulator(customers: 10).Customers());

        Assert.Equal(first.Select(r => (r.CustomerId, r.Label, r.AmountLog, r.PaymentsHour, r.TravelSpeedLog)), second.Select(r => (r.CustomerId, r.Label, r.AmountLog, r.PaymentsHour, r.TravelSpeedLog)));
    }

    [Fact]
    public void OrdinaryCustomer_HasNoFraudAndLivesTheSameOrdinaryLife()
    {
        var simulator = Simulator();
        var index = Enumerable.Range(0, 100).First(i => simulator.Customer(i).FraudPattern is not null);

        var ordinary = simulator.OrdinaryCustomer(index);

        Assert.Null(ordinary.FraudPattern);
        Assert.DoesNotContain(ordinary.Events, e => e.IsFraud);
        var withFraud = simulator.Customer(index).Events.Where(e => !e.IsFraud && e.Activity.Kind == ActivityKind.PaymentOut).Select(e => e.Activity.EventId).ToHashSet();
        Assert.Superset(withFraud, ordinary.Events.Where(e => e.Activity.Kind == ActivityKind.PaymentOut).Select(e => e.Activity.EventId).ToHashSet());
    }

    [Theory]
    [InlineData(FraudPatterns.AccountTakeover)]
    [InlineData(FraudPatterns.CardTesting)]
    [InlineData(FraudPatterns.Mule)]
    [InlineData(FraudPatterns.Scam)]
    public void CustomerWith_Pattern_HasLabelledFraudPayments(string pattern)
    {
        var customer = Simulator().CustomerWith(7, pattern);

        var fraud = customer.Events.Where(e => e.IsFraud).ToList();
        Assert.NotEmpty(fraud);
        Assert.All(fraud, e =>
        {
            Assert.Equal(pattern, e.Pattern);
            Assert.Equal(ActivityKind.PaymentOut, e.Activity.Kind);
        });
    }

    [Fact]
    public void Events_AreInTimeOrderAndUniqueApartFromRedeliveries()
    {
        var redelivered = 0;
        foreach (var customer in Simulator(customers: 20).Customers())
        {
            var firsts = customer.Events.DistinctBy(e => e.Activity.EventId).Select(e => e.Activity.At).ToList();
            Assert.Equal(firsts.Order(), firsts); // a redelivered copy may come after later events, as on a stream
            var copies = customer.Events.GroupBy(e => e.Activity.EventId).Where(g => g.Count() > 1).ToList();
            redelivered += copies.Count;
            Assert.All(copies, g =>
            {
                Assert.Equal(2, g.Count());
                Assert.Null(g.Last().Candidate); // a redelivered copy is not a new payment
                Assert.Equal(g.First().Activity, g.Last().Activity);
            });
            Assert.Contains(customer.Events, e => e.Activity.Kind == ActivityKind.Login);
        }

        Assert.InRange(redelivered, 1, 200);
    }

    [Fact]
    public void Simulation_HasDailyRhythmAndLogNormalAmounts()
    {
        var payments = Simulator(customers: 100).Customers()
            .SelectMany(c => c.Events)
            .Where(e => e.Candidate is not null && !e.IsFraud)
            .Select(e => e.Candidate!)
            .ToList();
        var hours = payments.Select(p => p.At.ToOffset(TimeSpan.FromHours(8)).Hour).ToList();
        var amounts = payments.Select(p => (double)p.Amount * (p.Currency == "CNY" ? 1 : p.Currency == "USD" ? 7.1 : 0.91)).Order().ToList();
        var median = amounts[amounts.Count / 2];

        Assert.True(hours.Count(h => h is >= 9 and < 12) > 4 * hours.Count(h => h is >= 1 and < 4), "more payments in the morning than at night");
        Assert.InRange(median, 30, 400);
        Assert.True(amounts.Average() > 1.5 * median, "amounts are skewed to the right");
        Assert.True(payments.Count > 100 * 30, $"{payments.Count} payments");
    }

    [Fact]
    public void Customers_FraudShare_IsRoughlyAsConfigured()
    {
        var customers = new TransactionSimulator(new SimulationOptions { Seed = 5, Customers = 400, Days = 1, FraudCustomerShare = 0.2 }).Customers().ToList();

        Assert.InRange(customers.Count(c => c.FraudPattern is not null), 50, 110);
        Assert.Equal(FraudPatterns.All.Count, customers.Where(c => c.FraudPattern is not null).Select(c => c.FraudPattern).Distinct().Count());
    }

    [Fact]
    public void TrainingSet_OneRowPerPaymentWithItsLabel()
    {
        var customers = Simulator(customers: 30).Customers().ToList();

        var rows = FraudTrainingSet.Build(customers);

        Assert.Equal(customers.Sum(c => c.Events.Count(e => e.Candidate is not null)), rows.Count);
        Assert.Equal(customers.Sum(c => c.Events.Count(e => e.IsFraud && e.Candidate is not null)), rows.Count(r => r.Label));
    }
}
