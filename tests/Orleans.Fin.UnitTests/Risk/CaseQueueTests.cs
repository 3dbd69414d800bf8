using Orleans.Fin.Customers;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class CaseQueueTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    // Listed in the order they were opened (sequence 1..6).
    private static readonly List<(long Sequence, CaseSummary Case)> Listed =
    [
        (1, Case("case_a", RiskLevel.Medium, "Payment to a new payee", CaseStatus.Open, assignee: null)),
        (2, Case("case_b", RiskLevel.High, "Login from a new device far away", CaseStatus.Open, assignee: "officer-1")),
        (3, Case("case_c", RiskLevel.Low, "Referred by officer-2: customer called", CaseStatus.Closed, assignee: "officer-2")),
        (4, Case("case_d", RiskLevel.High, "Payment to a new payee", CaseStatus.Open, assignee: null)),
        (5, Case("case_e", RiskLevel.Medium, "Shared device", CaseStatus.Open, assignee: "officer-1")),
        (6, Case("case_f", RiskLevel.High, "Mule account", CaseStatus.Closed, assignee: ""))
    ];

    [Fact]
    public void Page_NoFilterNewest_ListsTheLastOpenedFirst()
    {
        var (items, next) = CaseQueue.Page(Listed, new CaseQuery(), cursor: null, limit: 10);

        Assert.Equal(["case_f", "case_e", "case_d", "case_c", "case_b", "case_a"], items.Select(c => c.Id));
        Assert.Null(next);
    }

    [Fact]
    public void Page_SeverityOrder_HighFirstThenLongestWaiting()
    {
        var (items, _) = CaseQueue.Page(Listed, new CaseQuery(Order: CaseQueueOrder.Severity), cursor: null, limit: 10);

        Assert.Equal(["case_b", "case_d", "case_f", "case_a", "case_e", "case_c"], items.Select(c => c.Id));
    }

    [Theory]
    [InlineData(CaseQueueOrder.Newest)]
    [InlineData(CaseQueueOrder.Severity)]
    public void Page_WalkedWithCursors_ShowsEveryCaseOnceInOrder(CaseQueueOrder order)
    {
        var (all, _) = CaseQueue.Page(Listed, new CaseQuery(Order: order), cursor: null, limit: 10);
        var walked = new List<string>();
        long? cursor = null;
        var pages = 0;
        do
        {
            var (items, next) = CaseQueue.Page(Listed, new CaseQuery(Order: order), cursor, limit: 4);
            walked.AddRange(items.Select(c => c.Id));
            cursor = next;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(2, pages);
        Assert.Equal(all.Select(c => c.Id), walked);
    }

    [Fact]
    public void Page_CaseOpenedBetweenPages_NeitherRepeatsNorSkipsTheRest()
    {
        var query = new CaseQuery(Status: CaseStatus.Open, Order: CaseQueueOrder.Severity);
        var (first, next) = CaseQueue.Page(Listed, query, cursor: null, limit: 2);
        List<(long, CaseSummary)> grown = [.. Listed, (7, Case("case_g", RiskLevel.Medium, "Shared device", CaseStatus.Open, null))];

        var (second, last) = CaseQueue.Page(grown, query, next, limit: 10);

        Assert.Equal(["case_b", "case_d"], first.Select(c => c.Id));
        Assert.Equal(["case_a", "case_e", "case_g"], second.Select(c => c.Id));
        Assert.Null(last);
    }

    [Fact]
    public void Page_EachFilter_KeepsOnlyWhatItNames()
    {
        Assert.Equal(["case_e", "case_d", "case_b", "case_a"], Ids(new CaseQuery(Status: CaseStatus.Open)));
        Assert.Equal(["case_f", "case_d", "case_b"], Ids(new CaseQuery(Severity: RiskLevel.High)));
        Assert.Equal(["case_d", "case_a"], Ids(new CaseQuery(TriggerContains: "NEW PAYEE")));
        Assert.Equal(["case_e", "case_b"], Ids(new CaseQuery(Assignee: "officer-1")));
        Assert.Equal(["case_f", "case_d", "case_a"], Ids(new CaseQuery(Assigned: false)));
        Assert.Equal(["case_e", "case_c", "case_b"], Ids(new CaseQuery(Assigned: true)));
        Assert.Equal(["case_d"], Ids(new CaseQuery(CaseStatus.Open, RiskLevel.High, "payee", Assigned: false)));
    }

    [Fact]
    public void Matches_AssigneeIsExact_NotAPrefixOrAnotherCase()
    {
        var listed = Case("case_x", RiskLevel.High, "t", CaseStatus.Open, "officer-10");

        Assert.False(CaseQueue.Matches(listed, new CaseQuery(Assignee: "officer-1")));
        Assert.False(CaseQueue.Matches(listed, new CaseQuery(Assignee: "OFFICER-10")));
        Assert.True(CaseQueue.Matches(listed, new CaseQuery(Assignee: "officer-10")));
    }

    [Fact]
    public void Page_NothingMatches_IsEmptyWithoutCursor()
    {
        var (items, next) = CaseQueue.Page(Listed, new CaseQuery(Severity: RiskLevel.Low, Status: CaseStatus.Open), cursor: null, limit: 5);

        Assert.Empty(items);
        Assert.Null(next);
    }

    private static List<string> Ids(CaseQuery query) => [.. CaseQueue.Page(Listed, query, cursor: null, limit: 50).Items.Select(c => c.Id)];

    private static CaseSummary Case(string id, RiskLevel severity, string trigger, CaseStatus status, string? assignee) =>
        new(id, "cus_1", ["acc_1"], severity, Start, trigger, status, status == CaseStatus.Closed ? CaseOutcome.FalsePositive : null, assignee, null);
}
