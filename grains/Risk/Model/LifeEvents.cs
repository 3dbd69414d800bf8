using Orleans.Fin.Payments;

namespace Orleans.Fin.Risk.Model;

/// <summary>
/// Unusual but legitimate things ordinary customers do, on top of their habits: a wedding (gifts from many new
/// senders, the venue paid the next day), a deposit for a new flat (a large transfer to a new landlord), and organising
/// a group trip (friends pay their shares, the agency is paid within hours). Each with its own chance.
/// </summary>
public static class LifeEvents
{
    public const string Wedding = "wedding";
    public const string FlatDeposit = "flat-deposit";
    public const string GroupTrip = "group-trip";
    public const string NewPhone = "new-phone";

    public static IReadOnlyList<string> All { get; } = [Wedding, FlatDeposit, GroupTrip, NewPhone];

    internal static List<string> Inject(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, SimulationOptions options)
    {
        List<string> happened = p.PhoneChange is null ? [] : [NewPhone];
        var lastDay = Math.Max(options.Days - 2, 1);
        if (random.Chance(0.05))
        {
            happened.Add(Wedding);
            var day = options.Start.AddDays(random.Next(1, lastDay)).AddHours(random.Uniform(11, 16));
            var gifts = random.Next(5, 16);
            var total = 0.0;
            for (var i = 0; i < gifts; i++)
            {
                var gift = Math.Round(random.Uniform(500, 5_000) / 100) * 100;
                total += gift;
                log.Inflow(day.AddMinutes(i * random.Uniform(5, 30)), ActivityKind.PaymentIn, $"acc_guest{p.Index}_{i}", gift);
            }

            var venueAt = day.AddDays(1).AddHours(random.Uniform(-2, 4));
            Pay(p, log, random, venueAt, $"acc_venue{random.Next(0, 50)}", total * random.Uniform(0.6, 0.9));
        }

        if (random.Chance(0.08))
        {
            happened.Add(FlatDeposit);
            var at = options.Start.AddDays(random.Next(1, lastDay)).AddHours(random.Uniform(10, 20));
            var rent = p.RentCny > 0 ? p.RentCny : random.Uniform(2_000, 6_000);
            Pay(p, log, random, at, $"acc_newlandlord{p.Index}", Math.Round(rent * random.Uniform(2, 3) / 100) * 100);
        }

        if (random.Chance(0.05))
        {
            happened.Add(GroupTrip);
            var at = options.Start.AddDays(random.Next(1, lastDay)).AddHours(random.Uniform(10, 20));
            var friends = p.Friends.Take(random.Next(3, 7)).ToList();
            var share = Math.Round(random.Uniform(800, 3_000) / 100) * 100;
            for (var i = 0; i < friends.Count; i++)
            {
                log.Inflow(at.AddMinutes(i * random.Uniform(5, 40)), ActivityKind.PaymentIn, friends[i], share);
            }

            Pay(p, log, random, at.AddHours(random.Uniform(2, 5)), $"acc_mer{random.Next(0, 3_000)}", share * (friends.Count + 1));
        }

        return happened;
    }

    private static void Pay(SimulatedPersona p, SimulatedEventLog log, SimulationRandom random, DateTimeOffset at, string payee, double amountCny)
    {
        var device = p.DeviceAt(at, false);
        if (p.CityAt(at) is { } city)
        {
            log.Payment(at, payee, amountCny, device, p.IsBound(device, at), TransactionSimulator.GeoNoise(random, city), "app", boundAt: p.BoundAt(device));
        }
    }
}
