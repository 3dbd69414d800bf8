using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.ClusterTests.Risk;

/// <summary>
/// A deterministic stand-in for the risk scorer: tests script a verdict for an account (payments and payment events from
/// it) or for a login city; everything else goes to the scorer the silo registered (rules and model), so scenario
/// tests still see the real one. Static because the test cluster's silos live in this process.
/// </summary>
public sealed class ScriptedRiskScorer(IRiskScorer inner) : IRiskScorer
{
    public const string ScriptedVersion = "scripted-test";

    private static readonly ConcurrentDictionary<string, RiskLevel> Scripts = new(StringComparer.Ordinal);

    public IRiskScorer Inner { get; } = inner;

    /// <summary>Payments from <paramref name="accountIdOrCity"/>, or logins from that city, score <paramref name="level"/>.</summary>
    public static void Script(string accountIdOrCity, RiskLevel level) => Scripts[accountIdOrCity] = level;

    public static void Clear(string accountIdOrCity) => Scripts.TryRemove(accountIdOrCity, out _);

    /// <summary>Replaces the registered scorer with this one wrapped around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IRiskScorer));
        services.Remove(registered);
        services.AddSingleton<IRiskScorer>(sp => new ScriptedRiskScorer(
            registered.ImplementationInstance as IRiskScorer
            ?? registered.ImplementationFactory?.Invoke(sp) as IRiskScorer
            ?? (IRiskScorer)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
    }

    public RiskVerdict ScorePayment(BehaviourProfile profile, PaymentCandidate candidate) =>
        Scripted(candidate.FromAccountId) ?? Inner.ScorePayment(profile, candidate);

    public RiskVerdict ScoreActivity(BehaviourProfile profile, CustomerActivity activity) =>
        Scripted(activity.Kind == ActivityKind.Login ? activity.City : activity.Kind is ActivityKind.PaymentOut or ActivityKind.Withdrawal ? activity.AccountId : null)
        ?? Inner.ScoreActivity(profile, activity);

    private static RiskVerdict? Scripted(string? key) =>
        key is not null && Scripts.TryGetValue(key, out var level)
            ? new RiskVerdict(
                level switch { RiskLevel.High => 95, RiskLevel.Medium => 55, _ => 20 }, level, [$"SCRIPTED_{level.ToString().ToUpperInvariant()}"],
                null, ScriptedVersion)
            : null;
}
