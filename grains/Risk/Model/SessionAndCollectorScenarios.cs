using Orleans.Fin.Payments;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// The incidents the engine's newer defences are measured on: a stolen session that binds its own device, victims of a
/// shared scam collector, and a pass-through mule. Every payment of an incident is labelled fraud.
/// </summary>
internal static class SessionAndCollectorScenarios
{
    private const int Collectors = 8;

    /// <summary>A new device logs in (far away or in the victim's city), is bound minutes later, then pays mules from it.</summary>
    public static void StolenSession(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at)
    {
        var device = $"dev_s{p.Index}";
        var city = random.Chance(0.5) ? FraudScenarios.FarCity(p.HomeCity, random) : p.CityAt(at) ?? p.HomeCity;
        log.Login(at, device, city, attacker: true);
        var boundAt = at.AddMinutes(random.Uniform(1, 5));
        var t = boundAt.AddMinutes(random.Uniform(1, 10));
        var payments = random.Next(2, 6);
        for (var i = 0; i < payments; i++)
        {
            var amount = Math.Clamp(Math.Max(p.MedianCny * random.Uniform(10, 50), random.Uniform(5_000, 20_000)), 5_000, 50_000);
            log.Payment(t, $"acc_mule{random.Next(0, FraudScenarios.Mules)}", Math.Round(amount / 100) * 100, device, bound: true, city, "app",
                pattern: FraudPatterns.StolenSession, boundAt: boundAt, codeAnswered: true);
            t = t.AddMinutes(random.Uniform(1, 8));
        }
    }

    /// <summary>
    /// One of a few collector accounts works one afternoon; each victim, talked into it, sends most of their savings
    /// from their own phone within those hours (so several victims of one collector overlap).
    /// </summary>
    public static void ScamCollector(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, SimulationOptions options)
    {
        var collector = random.Next(0, Collectors);
        var firstDay = Math.Min(7, Math.Max(options.Days - 1, 0));
        var day = firstDay + (collector * 3 % Math.Max(1, options.Days - firstDay));
        var at = options.Start.AddDays(day).AddHours(13 + (collector % 4) + random.Uniform(0, 4));
        var device = p.DeviceAt(at, false);
        var city = p.CityAt(at) ?? p.HomeCity;
        log.Login(at, device, TransactionSimulator.GeoNoise(random, city));
        var amount = Math.Max(5_000, p.SalaryCny * random.Uniform(1.5, 5));
        log.Payment(at.AddMinutes(random.Uniform(2, 15)), $"acc_collector{collector}", Math.Round(amount / 100) * 100, device, p.IsBound(device, at),
            TransactionSimulator.GeoNoise(random, city), "app", pattern: FraudPatterns.ScamCollector, boundAt: p.BoundAt(device));
    }

    /// <summary>Money from 3–8 new senders within a few hours, then paid straight out to one or two new payees.</summary>
    public static void PassThrough(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at)
    {
        var senders = random.Next(3, 9);
        var total = 0.0;
        var t = at;
        for (var i = 0; i < senders; i++)
        {
            var amount = random.Uniform(2_000, 15_000);
            total += amount;
            log.Inflow(t, ActivityKind.PaymentIn, $"acc_ps{p.Index}_{i}", amount);
            t = t.AddMinutes(random.Uniform(5, 40));
        }

        var device = p.DeviceAt(t, false);
        var city = p.CityAt(t) ?? p.HomeCity;
        var payouts = random.Chance(0.6) ? 1 : 2;
        var share = random.Uniform(0.85, 1.0);
        for (var i = 0; i < payouts; i++)
        {
            t = t.AddMinutes(random.Uniform(2, 30));
            log.Payment(t, $"acc_mule{random.Next(0, FraudScenarios.Mules)}", total * share / payouts, device, p.IsBound(device, t),
                TransactionSimulator.GeoNoise(random, city), "app", pattern: FraudPatterns.PassThrough, boundAt: p.BoundAt(device));
        }
    }
}
