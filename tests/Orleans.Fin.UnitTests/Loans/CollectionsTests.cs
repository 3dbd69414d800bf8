using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class CollectionsTests
{
    private static readonly DateOnly Due = new(2026, 1, 15);

    [Fact]
    public void Steps_JumpFromNoneToNonPerforming_EveryStageDatedFromTheOldestDueDate()
    {
        var steps = Collections.Steps(CollectionStage.None, CollectionStage.NonPerforming, Due, Due.AddDays(120));

        Assert.Equal(
            [
                new CollectionStep(Due.AddDays(1), CollectionStage.SmsReminder),
                new CollectionStep(Due.AddDays(8), CollectionStage.CallTask),
                new CollectionStep(Due.AddDays(31), CollectionStage.ManualCollection),
                new CollectionStep(Due.AddDays(90), CollectionStage.NonPerforming),
            ],
            steps);
    }

    [Fact]
    public void Steps_SameStage_IsEmptyAndPaidUp_IsOneStepToday()
    {
        Assert.Empty(Collections.Steps(CollectionStage.CallTask, CollectionStage.CallTask, Due, Due.AddDays(10)));
        Assert.Equal(
            [new CollectionStep(Due.AddDays(10), CollectionStage.None)],
            Collections.Steps(CollectionStage.CallTask, CollectionStage.None, null, Due.AddDays(10)));
    }

    [Theory]
    [InlineData(CollectionStage.SmsReminder)]
    [InlineData(CollectionStage.CallTask)]
    [InlineData(CollectionStage.ManualCollection)]
    [InlineData(CollectionStage.NonPerforming)]
    public void FirstDay_OfEachStage_AgesIntoThatStage(CollectionStage stage)
    {
        Assert.Equal(stage, Ageing.StageFor(Collections.FirstDay(stage)));
        Assert.NotEqual(stage, Ageing.StageFor(Collections.FirstDay(stage) - 1));
    }

    [Fact]
    public void PayoffAmount_IsExactlyWhatEarlyRepaymentAbsorbs()
    {
        var schedule = AnnuitySchedule.Build(10_000m, 0.12m, 12, Due);
        var asOf = Due.AddMonths(2).AddDays(3); // three instalments due

        var payoff = RepaymentAllocation.PayoffAmount(schedule, asOf);
        var result = RepaymentAllocation.Apply(schedule, payoff, asOf, allowEarlyRepayment: true);

        Assert.Equal(0m, result.Unapplied);
        Assert.All(result.Schedule, i => Assert.True(i.Settled));
        Assert.Equal(0.01m, RepaymentAllocation.Apply(schedule, payoff + 0.01m, asOf, allowEarlyRepayment: true).Unapplied);
    }
}
