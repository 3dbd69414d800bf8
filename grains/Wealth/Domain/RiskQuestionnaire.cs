namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// Scores the five-question risk questionnaire. Each answer is 1..5, so the sum is 5..25 and maps to a band:
/// 5–8 → C1, 9–12 → C2, 13–16 → C3, 17–20 → C4, 21–25 → C5. The level then moves one down (never below C1)
/// when the goal is <see cref="InvestmentGoal.Preservation"/> or the horizon is shorter than two years; both
/// conditions together still move it only one level. An assessment is valid for one year.
/// </summary>
public static class RiskQuestionnaire
{
    public const int QuestionCount = 5;
    public const int MinAnswer = 1;
    public const int MaxAnswer = 5;
    public const int ShortHorizonYears = 2;

    public static InvestorRiskClass Assess(IReadOnlyList<int> answers, InvestmentGoal goal, int horizonYears)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count != QuestionCount)
        {
            throw new ArgumentException($"The questionnaire has {QuestionCount} answers; got {answers.Count}.", nameof(answers));
        }

        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is < MinAnswer or > MaxAnswer)
            {
                throw new ArgumentException(
                    $"Answer {i + 1} is {answers[i]}; each answer is {MinAnswer} to {MaxAnswer}.", nameof(answers));
            }
        }

        if (!Enum.IsDefined(goal))
        {
            throw new ArgumentException($"Unknown goal {(int)goal}.", nameof(goal));
        }

        if (horizonYears < 0)
        {
            throw new ArgumentException($"The horizon is {horizonYears} years; it cannot be negative.", nameof(horizonYears));
        }

        var level = BandFor(answers.Sum());
        var cautious = goal == InvestmentGoal.Preservation || horizonYears < ShortHorizonYears;
        return cautious && level > InvestorRiskClass.C1 ? level - 1 : level;
    }

    /// <summary>The band of a raw score 5..25, before any adjustment.</summary>
    public static InvestorRiskClass BandFor(int score) => score switch
    {
        < QuestionCount * MinAnswer or > QuestionCount * MaxAnswer =>
            throw new ArgumentOutOfRangeException(nameof(score), $"A score is {QuestionCount * MinAnswer} to {QuestionCount * MaxAnswer}."),
        <= 8 => InvestorRiskClass.C1,
        <= 12 => InvestorRiskClass.C2,
        <= 16 => InvestorRiskClass.C3,
        <= 20 => InvestorRiskClass.C4,
        _ => InvestorRiskClass.C5,
    };

    /// <summary>An assessment made at <paramref name="assessedAt"/> has expired once a year has passed.</summary>
    public static bool IsExpired(DateTimeOffset assessedAt, DateTimeOffset now) => now >= assessedAt.AddYears(1);
}
