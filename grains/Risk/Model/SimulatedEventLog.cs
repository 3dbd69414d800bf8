using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk.Model;

/// <summary>Collects one simulated customer's events and hands them back in time order, with some redelivered.</summary>
internal sealed class SimulatedEventLog(SimulatedPersona persona)
{
    private readonly List<(DateTimeOffset At, int Order, SimulatedEvent Event)> _events = [];
    private int _sequence;

    public void Login(DateTimeOffset at, string device, string? city, bool attacker = false)
    {
        var id = $"evt_{persona.Index}_{++_sequence}";
        Add(at, new SimulatedEvent(
            new CustomerActivity(id, persona.CustomerId, ActivityKind.Login, at, DeviceId: device, Ip: Ip(attacker), Country: Country(city), City: city),
            null, false, ""));
    }

    public void Payment(
        DateTimeOffset at, string payee, double amountCny, string device, bool bound, string? city, string channel,
        bool declined = false, string pattern = "", DateTimeOffset? boundAt = null, bool codeAnswered = true)
    {
        var movementId = $"mov_{persona.Index}_{++_sequence}";
        var rate = RiskCurrency.ToCny(1m, persona.Currency);
        var amount = Math.Max(0.01m, decimal.Round((decimal)amountCny / rate, 2));
        var attacker = pattern.Length > 0;
        var category = MerchantCategory(payee);
        var candidate = new PaymentCandidate(
            movementId, amount, persona.Currency, persona.AccountId, payee, channel, device, bound, Ip(attacker), Country(city), city, category, at,
            bound ? boundAt : null);
        var activity = new CustomerActivity(
            $"{movementId}:{ActivityKind.PaymentOut}", persona.CustomerId, ActivityKind.PaymentOut, at, amount, persona.Currency, persona.AccountId,
            payee, channel, device, candidate.Ip, candidate.Country, city, category, declined ? BehaviourTracker.DeclinedStatus : "Completed");
        Add(at, new SimulatedEvent(activity, candidate, attacker, pattern, codeAnswered));
    }

    public void Inflow(DateTimeOffset at, ActivityKind kind, string counterparty, double amountCny)
    {
        var movementId = $"mov_{persona.Index}_{++_sequence}";
        var rate = RiskCurrency.ToCny(1m, persona.Currency);
        var amount = Math.Max(0.01m, decimal.Round((decimal)amountCny / rate, 2));
        Add(at, new SimulatedEvent(
            new CustomerActivity(
                $"{movementId}:{kind}", persona.CustomerId, kind, at, amount, persona.Currency, persona.AccountId,
                kind == ActivityKind.Deposit ? null : counterparty, Status: "Completed"), // deposits name no counterparty, as the platform publishes them
            null, false, ""));
    }

    /// <summary>The events in time order; a share of them is delivered a second time shortly after.</summary>
    public IReadOnlyList<SimulatedEvent> Build(SimulationRandom random, double redeliveryRate)
    {
        var ordered = _events.OrderBy(e => e.At).ThenBy(e => e.Order).ToList();
        var result = new List<(DateTimeOffset At, int Order, SimulatedEvent Event)>(ordered.Count + 8);
        foreach (var item in ordered)
        {
            result.Add(item);
            if (random.Chance(redeliveryRate))
            {
                var again = item.At + TimeSpan.FromSeconds(random.Uniform(1, 120));
                result.Add((again, item.Order, item.Event with { Candidate = null }));
            }
        }

        return [.. result.OrderBy(e => e.At).ThenBy(e => e.Order).Select(e => e.Event)];
    }

    private void Add(DateTimeOffset at, SimulatedEvent e) => _events.Add((at, _events.Count, e));

    private string Ip(bool attacker) => attacker ? $"185.220.{persona.Index % 250}.{_sequence % 250}" : $"10.{persona.Index % 250}.{persona.Index / 250 % 250}.1";

    /// <summary>Shops, transport, utilities and venues are merchants; everyone else is paid by transfer.</summary>
    private static string? MerchantCategory(string payee) =>
        payee.StartsWith("acc_mer", StringComparison.Ordinal) ? "retail"
        : payee.StartsWith("acc_metro", StringComparison.Ordinal) ? "transport"
        : payee.StartsWith("acc_util", StringComparison.Ordinal) ? "utilities"
        : payee.StartsWith("acc_venue", StringComparison.Ordinal) ? "events"
        : payee.StartsWith("acc_ct", StringComparison.Ordinal) ? "digital-goods"
        : null;

    private static string? Country(string? city) => city is null ? null : SimulationCities.CountryOf(city);
}
