using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.Model;

/// <summary>Injects one fraud incident into a simulated customer's life. Every payment of the incident is labelled fraud.</summary>
internal static class FraudScenarios
{
    internal const int Mules = 300;

    public static void Inject(string pattern, SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, SimulationOptions options)
    {
        var firstDay = Math.Min(7, Math.Max(options.Days - 1, 0));
        var day = random.Next(firstDay, Math.Max(firstDay + 1, options.Days));
        var midnight = options.Start.AddDays(day);
        switch (pattern)
        {
            case FraudPatterns.AccountTakeover:
                AccountTakeover(p, log, random, midnight.AddHours(random.Chance(0.4) ? random.Uniform(0, 6) : random.Uniform(6, 24)));
                break;
            case FraudPatterns.CardTesting:
                CardTesting(p, log, random, midnight.AddHours(random.Uniform(0, 24)));
                break;
            case FraudPatterns.Mule:
                Mule(p, log, random, midnight.AddHours(random.Uniform(8, 23)));
                break;
            case FraudPatterns.Scam:
                Scam(p, log, random, midnight.AddHours(random.Uniform(9, 21)));
                break;
            case FraudPatterns.StolenSession:
                SessionAndCollectorScenarios.StolenSession(p, log, random, midnight.AddHours(random.Uniform(0, 24)));
                break;
            case FraudPatterns.ScamCollector:
                SessionAndCollectorScenarios.ScamCollector(p, log, random, options);
                break;
            case FraudPatterns.PassThrough:
                SessionAndCollectorScenarios.PassThrough(p, log, random, midnight.AddHours(random.Uniform(8, 22)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "Unknown fraud pattern.");
        }
    }

    /// <summary>A new device, often from far away, then a burst of large payments to mule accounts.</summary>
    private static void AccountTakeover(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at)
    {
        var device = $"dev_x{p.Index}";
        var bound = random.Chance(0.3); // SIM swap: the attacker bound the device with the victim's codes
        DateTimeOffset? boundAt = bound ? at.AddMinutes(1) : null;
        var roll = random.Next();
        var city = roll < 0.6 ? FarCity(p.HomeCity, random) : roll < 0.85 ? p.CityAt(at) ?? p.HomeCity : null;
        log.Login(at, device, city, attacker: true);

        var payments = random.Next(2, 7);
        var t = at.AddMinutes(random.Uniform(2, 30));
        string? mule = null;
        for (var i = 0; i < payments; i++)
        {
            var amount = Math.Clamp(Math.Max(p.MedianCny * random.Uniform(10, 50), random.Uniform(3_000, 20_000)), 2_000, 50_000);
            amount = random.Chance(0.6) ? Math.Round(amount / 100) * 100 : amount;
            mule = mule is not null && random.Chance(0.3) ? mule : $"acc_mule{random.Next(0, Mules)}";
            log.Payment(t, mule, amount, device, bound, city, "app", declined: random.Chance(0.1), pattern: FraudPatterns.AccountTakeover, boundAt: boundAt, codeAnswered: bound);
            t = t.AddMinutes(random.Uniform(1, 8));
        }
    }

    /// <summary>Rapid tiny payments to many merchants, now and then followed by a large one.</summary>
    private static void CardTesting(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at)
    {
        var ownDevice = random.Chance(0.3); // malware on the customer's own phone
        var device = ownDevice ? p.DeviceAt(at, false) : $"dev_x{p.Index}";
        var bound = ownDevice && p.IsBound(device, at);
        var city = ownDevice ? p.CityAt(at) ?? p.HomeCity : random.Chance(0.5) ? FarCity(p.HomeCity, random) : null;
        if (random.Chance(0.8))
        {
            log.Login(at, device, city, attacker: true);
        }

        var tests = random.Next(5, 21);
        var t = at.AddMinutes(random.Uniform(0.5, 5));
        for (var i = 0; i < tests; i++)
        {
            var amount = random.Chance(0.3) ? 1.0 : Math.Round(random.Uniform(0.01, 9.99), 2);
            log.Payment(t, $"acc_ct{random.Next(0, 2_000)}", amount, device, bound, city, "card", declined: random.Chance(0.25), pattern: FraudPatterns.CardTesting, codeAnswered: ownDevice);
            t = t.AddSeconds(random.Uniform(5, 90));
        }

        if (random.Chance(0.4))
        {
            var cashOut = random.Next(1, 3);
            for (var i = 0; i < cashOut; i++)
            {
                t = t.AddMinutes(random.Uniform(1, 5));
                log.Payment(t, $"acc_mule{random.Next(0, Mules)}", random.Uniform(3_000, 20_000), device, bound, city, "app", pattern: FraudPatterns.CardTesting, codeAnswered: ownDevice);
            }
        }
    }

    /// <summary>A large inflow from an unknown account passed on within the hour to several new payees, from the own phone.</summary>
    private static void Mule(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at)
    {
        var inflow = random.Uniform(10_000, 80_000);
        log.Inflow(at, ActivityKind.PaymentIn, $"acc_src{random.Next(0, 500)}", inflow);

        var t = at.AddMinutes(random.Uniform(5, 60));
        var device = p.DeviceAt(t, false);
        var city = p.CityAt(t) ?? p.HomeCity;
        if (random.Chance(0.7))
        {
            log.Login(t.AddMinutes(-random.Uniform(0.5, 3)), device, TransactionSimulator.GeoNoise(random, city));
        }

        var payments = random.Next(3, 9);
        for (var i = 0; i < payments; i++)
        {
            var amount = inflow / payments * random.Uniform(0.8, 1.05);
            log.Payment(t, $"acc_mule{random.Next(0, Mules)}", amount, device, p.IsBound(device, t), TransactionSimulator.GeoNoise(random, city), "app", pattern: FraudPatterns.Mule);
            t = t.AddMinutes(random.Uniform(1, 10));
        }
    }

    /// <summary>The customer, talked into it, pays one or two large amounts to a new payee from their own phone.</summary>
    private static void Scam(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at)
    {
        var device = p.DeviceAt(at, false);
        var city = p.CityAt(at) ?? p.HomeCity;
        log.Login(at, device, TransactionSimulator.GeoNoise(random, city));
        var payee = $"acc_scam{random.Next(0, Mules)}";
        var t = at.AddMinutes(random.Uniform(2, 20));
        var payments = random.Chance(0.7) ? 1 : 2;
        for (var i = 0; i < payments; i++)
        {
            var amount = Math.Max(3_000, p.MedianCny * random.Uniform(10, 80));
            log.Payment(t, payee, amount, device, p.IsBound(device, t), TransactionSimulator.GeoNoise(random, city), "app", pattern: FraudPatterns.Scam);
            t = t.AddMinutes(random.Uniform(5, 30));
        }
    }

    /// <summary>A city at least 800 km from home (always known to the geo table).</summary>
    internal static string FarCity(string home, SimulationRandom random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var city = random.Pick(SimulationCities.Attackers);
            if ((GeoPlaces.DistanceKm(home, city) ?? 0) >= 800)
            {
                return city;
            }
        }

        return "Lagos";
    }
}
