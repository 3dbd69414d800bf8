using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// The credit scorer loans call: the champion this silo serves decides; a registered challenger scores the same
/// application in shadow (recorded, never acting) unless the application falls in its traffic share (A/B), in which
/// case its assessment is the one returned. Scores and key features of both are counted for drift.
/// </summary>
public sealed class ServingCreditScorer(ModelServing serving, ShadowRecorder recorder)
{
    /// <param name="key">The application's id: decides, stably, whether a challenger with a traffic share takes it.</param>
    /// <param name="application">The applicant's attributes.</param>
    /// <param name="maxReasons">At most this many reason codes.</param>
    public CreditAssessment Score(string key, CreditApplication application, int maxReasons)
    {
        ArgumentNullException.ThrowIfNull(application);
        var served = serving.Credit;
        var challengerActs = served.Challenger is not null && TrafficSplit.ChallengerTakes(key, served.ChallengerShare);
        var champion = Score(served.Champion, application, maxReasons, acted: !challengerActs);
        var challenger = served.Challenger is { } c ? Score(c, application, maxReasons, acted: challengerActs) : null;
        return challengerActs ? challenger! : champion;
    }

    private CreditAssessment Score(LoadedModel model, CreditApplication application, int maxReasons, bool acted)
    {
        var assessment = serving.CreditScorerOf(model).Score(application, maxReasons);
        recorder.Record(ModelNames.Credit, model.Version, assessment.ProbabilityOfDefault, acted, name => CreditRegistrations.CreditKeyFeature(application, name));
        return assessment;
    }
}
