using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// Generates labelled traffic for training and testing the fraud model: ordinary customers with daily rhythms (more by
/// day and evening, salary and rent days), log-normal amounts, their usual devices, payees and cities, trips, new phones
/// and geolocation noise; and a share of customers who also suffer one fraud incident (<see cref="FraudPatterns"/>).
/// Seeded: the same options give the same events, customer by customer.
/// </summary>
public sealed class TransactionSimulator(SimulationOptions options)
{
    private const int MerchantPool = 400;

    public SimulationOptions Options { get; } = options;

    /// <summary>All customers of the simulation, generated lazily.</summary>
    public IEnumerable<SimulatedCustomer> Customers() => Enumerable.Range(0, Options.Customers).Select(Customer);

    /// <summary>The customer with this index: ordinary, or with a fraud incident for a <see cref="SimulationOptions.FraudCustomerShare"/> of them.</summary>
    public SimulatedCustomer Customer(int index)
    {
        var random = new SimulationRandom(CustomerSeed(index));
        var (suffers, pattern) = DrawFraud(random);
        return Generate(index, random, suffers ? pattern : null);
    }

    /// <summary>The customer with this index without any fraud incident.</summary>
    public SimulatedCustomer OrdinaryCustomer(int index)
    {
        var random = new SimulationRandom(CustomerSeed(index));
        DrawFraud(random); // the same draws as Customer(index): the same persona and ordinary life
        return Generate(index, random, null);
    }

    /// <summary>The customer with this index suffering the given pattern.</summary>
    public SimulatedCustomer CustomerWith(int index, string pattern)
    {
        var random = new SimulationRandom(CustomerSeed(index));
        DrawFraud(random);
        return Generate(index, random, pattern);
    }

    private SimulatedCustomer Generate(int index, SimulationRandom random, string? fraud)
    {
        var persona = NewPersona(index, random);
        var log = new SimulatedEventLog(persona);
        for (var day = 0; day < Options.Days; day++)
        {
            OrdinaryDay(persona, log, random, day);
        }

        if (fraud is not null)
        {
            FraudScenarios.Inject(fraud, persona, log, random, Options);
        }

        // Life events draw from their own generator, so turning them on leaves everything above exactly as it was.
        var lifeEvents = Options.LifeEvents && fraud is null
            ? LifeEvents.Inject(persona, log, new SimulationRandom(CustomerSeed(index) ^ 0x5bd1e995), Options)
            : null;
        return new SimulatedCustomer(persona.CustomerId, index, fraud, log.Build(random, Options.RedeliveryRate), lifeEvents);
    }

    private (bool Suffers, string Pattern) DrawFraud(SimulationRandom random)
    {
        var suffers = random.Chance(Options.FraudCustomerShare);
        return Options.Patterns is { Count: > 0 } patterns
            ? (suffers, patterns[random.Next(0, patterns.Count)])
            : (suffers, FraudPatterns.All[random.Weighted([0.4, 0.25, 0.25, 0.10])]);
    }

    private int CustomerSeed(int index) => unchecked((Options.Seed * 1_000_003) + (index * 7_919) + 17);

    private SimulatedPersona NewPersona(int index, SimulationRandom random)
    {
        var home = SimulationCities.Homes[random.Weighted([.. SimulationCities.Homes.Select(h => h.Weight)])].City;
        var currency = random.Weighted([0.9, 0.05, 0.05]) switch { 0 => "CNY", 1 => "HKD", _ => "USD" };
        var start = Options.Start;
        var days = Options.Days;

        (DateTimeOffset, DateTimeOffset, string)? phoneChange = null;
        if (random.Chance(0.06))
        {
            var at = start.AddDays(random.Next(1, days)).AddHours(random.Uniform(9, 21));
            phoneChange = (at, at.AddMinutes(random.Uniform(5, 120)), $"dev_{index}_new");
        }

        (DateTimeOffset, string)? browser = random.Chance(0.03)
            ? (start.AddDays(random.Next(1, days)).AddHours(random.Uniform(9, 22)), $"dev_{index}_web")
            : null;

        var nightOwl = random.Chance(0.1);
        double[] hours =
        [
            0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.4, 1.2, 2.0, 2.0, 2.2, 2.5,
            3.0, 2.5, 2.0, 2.0, 2.0, 2.2, 2.8, 3.2, 3.4, 3.0, 2.0, 1.0,
        ];
        if (nightOwl)
        {
            hours = [1.5, 1.2, 0.8, 0.4, 0.1, 0.1, 0.2, 0.6, 1.0, 1.5, 2.0, 2.5, 3.0, 2.5, 2.5, 2.5, 2.5, 2.5, 3.0, 3.0, 3.2, 3.2, 3.0, 2.5];
        }

        var merchants = new List<string>();
        var favourites = random.Next(8, 26);
        while (merchants.Count < favourites)
        {
            var merchant = $"acc_mer{random.Zipf(MerchantPool, 0.8)}";
            if (!merchants.Contains(merchant))
            {
                merchants.Add(merchant);
            }
        }

        return new SimulatedPersona
        {
            Index = index,
            CustomerId = $"cus_sim{index}",
            AccountId = $"acc_sim{index}",
            Currency = currency,
            HomeCity = home,
            PrimaryDevice = $"dev_{index}_a",
            SecondDevice = random.Chance(0.35) ? $"dev_{index}_b" : null,
            PhoneChange = phoneChange,
            BrowserSession = browser,
            Trip = random.Chance(0.3) ? NewTrip(home, random) : null,
            MedianCny = random.LogNormal(110, 0.6),
            Sigma = random.Uniform(0.7, 1.1),
            SessionsPerDay = random.Uniform(0.8, 3.5),
            HourWeights = hours,
            Merchants = merchants,
            Friends = [.. Enumerable.Range(0, random.Next(2, 9)).Select(k => $"acc_p{index}_{k}")],
            Landlord = random.Chance(0.55) ? $"acc_landlord{index}" : null,
            RentDay = random.Next(1, 6),
            RentCny = Math.Round(random.Uniform(1_500, 8_000) / 100) * 100,
            Employer = $"acc_emp{random.Next(0, 200)}",
            SalaryDay = random.Chance(0.5) ? 10 : 15,
            SalaryCny = Math.Round(random.LogNormal(12_000, 0.5)),
            RidesMetro = random.Chance(0.25),
            Utility = $"acc_util{random.Next(0, 10)}",
        };
    }

    private SimulatedTrip NewTrip(string home, SimulationRandom random)
    {
        var destination = random.Chance(0.15) ? random.Pick(SimulationCities.Abroad) : random.Pick(SimulationCities.Domestic);
        if (destination == home)
        {
            destination = home == "Shanghai" ? "Beijing" : "Shanghai";
        }

        var km = GeoPlaces.DistanceKm(home, destination) ?? 1_000;
        var hours = km < 800 ? 1 + (km / 250) : 3 + (km / 700); // train, or plane with the airports
        var depart = Options.Start.AddDays(random.Next(2, Math.Max(3, Options.Days - 5))).AddHours(random.Uniform(7, 20));
        var arrive = depart.AddHours(hours);
        var returnDepart = arrive.AddDays(random.Uniform(2, 6));
        return new SimulatedTrip(destination, depart, arrive, returnDepart, returnDepart.AddHours(hours));
    }

    private void OrdinaryDay(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, int day)
    {
        var midnight = Options.Start.AddDays(day);
        var weekend = midnight.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var sessions = random.Poisson(p.SessionsPerDay * (weekend ? 1.3 : 1.0));
        for (var s = 0; s < sessions; s++)
        {
            var at = midnight.AddHours(random.Weighted(p.HourWeights) + random.Next());
            Session(p, log, random, at, p.DeviceAt(at, random.Chance(0.2)), payments: random.Weighted([0.25, 0.45, 0.2, 0.07, 0.03]));
        }

        var dayOfMonth = midnight.Day;
        if (dayOfMonth == p.SalaryDay)
        {
            Inflow(p, log, midnight.AddHours(random.Uniform(9, 12)), ActivityKind.PaymentIn, p.Employer, p.SalaryCny);
        }

        if (random.Chance(0.05))
        {
            Inflow(p, log, midnight.AddHours(random.Uniform(8, 22)), ActivityKind.Deposit, p.AccountId, random.LogNormal(p.MedianCny * 10, 0.6));
        }

        if (p.Landlord is not null && dayOfMonth == p.RentDay)
        {
            Pay(p, log, random, midnight.AddHours(random.Uniform(9, 21)), p.Landlord, p.RentCny, p.PrimaryDevice, "app");
        }

        if (dayOfMonth == 18)
        {
            Pay(p, log, random, midnight.AddHours(random.Uniform(8, 22)), p.Utility, random.Uniform(60, 400), p.PrimaryDevice, "auto-debit");
        }

        if (p.RidesMetro && !weekend)
        {
            var metro = $"acc_metro_{p.HomeCity}";
            var morning = midnight.AddHours(random.Uniform(7, 9.5));
            var evening = midnight.AddHours(random.Uniform(17, 20));
            Pay(p, log, random, morning, metro, random.Uniform(2, 8), p.PrimaryDevice, "qr");
            Pay(p, log, random, evening, metro, random.Uniform(2, 8), p.PrimaryDevice, "qr");
        }

        if (random.Chance(1.0 / 20))
        {
            // Splitting a dinner bill among friends, now and then with someone new.
            var at = midnight.AddHours(random.Uniform(19, 23));
            var friends = random.Next(2, 5);
            for (var i = 0; i < friends; i++)
            {
                var friend = random.Chance(0.25) ? $"acc_q{p.Index}_{day}_{i}" : random.Pick(p.Friends);
                Pay(p, log, random, at.AddMinutes(i * random.Uniform(0.5, 4)), friend, random.LogNormal(p.MedianCny, 0.4), p.PrimaryDevice, "app");
            }
        }

        if (random.Chance(1.0 / 40))
        {
            // A big purchase: far above the usual amounts, often at a shop never paid before.
            var at = midnight.AddHours(random.Uniform(10, 21));
            var shop = random.Chance(0.6) ? $"acc_mer{random.Next(0, MerchantPool)}" : random.Pick(p.Merchants);
            Session(p, log, random, at, p.DeviceAt(at, false), payments: 0);
            Pay(p, log, random, at.AddMinutes(random.Uniform(1, 10)), shop, p.MedianCny * random.Uniform(15, 60), p.DeviceAt(at, false), "card");
        }

        if (p.BrowserSession is { } browser && browser.At.Date == midnight.Date)
        {
            Session(p, log, random, browser.At, browser.Device, payments: random.Next(1, 3));
        }

        if (p.PhoneChange is { } change && change.At.Date == midnight.Date)
        {
            Session(p, log, random, change.At, change.Device, payments: random.Next(0, 3));
        }
    }

    /// <summary>A login followed by a few payments a few minutes apart, wherever the customer is.</summary>
    private static void Session(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at, string device, int payments)
    {
        if (p.CityAt(at) is not { } city)
        {
            return;
        }

        log.Login(at, device, GeoNoise(random, city));
        var travelling = city != p.HomeCity;
        for (var i = 0; i < payments; i++)
        {
            at = at.AddMinutes(random.Uniform(0.5, 15));
            var (payee, amount) = random.Weighted([0.7, 0.12, travelling ? 0.3 : 0.1, 0.03]) switch
            {
                0 => (p.Merchants[random.Zipf(p.Merchants.Count)], random.LogNormal(p.MedianCny, p.Sigma)),
                1 => (random.Pick(p.Friends), Math.Round(random.LogNormal(p.MedianCny * 2, p.Sigma) / 10) * 10),
                2 => ($"acc_mer{random.Next(0, MerchantPool)}", random.LogNormal(p.MedianCny * (travelling ? 2 : 1), p.Sigma)),
                _ => ($"acc_q{p.Index}_{at.ToUnixTimeSeconds()}", random.LogNormal(p.MedianCny, p.Sigma)),
            };
            Pay(p, log, random, at, payee, amount, device, random.Pick(["app", "qr", "card"]));
        }
    }

    private static void Pay(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at, string payee, double amountCny, string device, string channel)
    {
        if (p.CityAt(at) is not { } city)
        {
            return;
        }

        log.Payment(at, payee, amountCny, device, p.IsBound(device, at), GeoNoise(random, city), channel, declined: random.Chance(0.01), boundAt: p.BoundAt(device));
    }

    private static void Inflow(SimulatedPersona p, SimulatedEventLog log, DateTimeOffset at, ActivityKind kind, string from, double amountCny) =>
        log.Inflow(at, kind, from, amountCny);

    /// <summary>IP geolocation: usually right, sometimes unknown, rarely another big city (carrier gateways).</summary>
    internal static string? GeoNoise(SimulationRandom random, string city)
    {
        var x = random.Next();
        return x < 0.08 ? null : x < 0.085 ? SimulationCities.Homes[random.Next(0, 6)].City : city;
    }
}
