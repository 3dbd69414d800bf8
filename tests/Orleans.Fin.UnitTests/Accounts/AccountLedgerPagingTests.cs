using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountLedgerPagingTests
{
    [Fact]
    public void SegmentToSeal_BelowOneFullSegment_IsNull()
    {
        var account = WithEntries(AccountLedger.SegmentSize - 1);

        Assert.Null(AccountLedger.SegmentToSeal(account));
    }

    [Fact]
    public void SegmentToSeal_FullSegment_IsTheOldestSegmentLeftInPlace()
    {
        var account = WithEntries(AccountLedger.SegmentSize + 3);

        var segment = AccountLedger.SegmentToSeal(account);

        Assert.NotNull(segment);
        Assert.Equal(Enumerable.Range(1, AccountLedger.SegmentSize).Select(i => (long)i), segment.Select(e => e.Sequence));
        Assert.Equal(AccountLedger.SegmentSize + 3, account.Recent.Count);
    }

    [Fact]
    public void MarkSealed_AfterSegmentToSeal_DropsOldestSegmentAndCountsIt()
    {
        var account = WithEntries(AccountLedger.SegmentSize + 3);

        AccountLedger.MarkSealed(account);

        Assert.Equal(1, account.SealedSegments);
        Assert.Equal(3, account.Recent.Count);
        Assert.Equal(AccountLedger.SegmentSize + 1, account.Recent[0].Sequence);
        Assert.Null(AccountLedger.SegmentToSeal(account));
    }

    [Fact]
    public void SegmentToSeal_AfterOneSealAndAnotherSegment_IsTheSecondSegment()
    {
        var account = WithEntries(AccountLedger.SegmentSize);
        AccountLedger.MarkSealed(account);
        AddEntries(account, AccountLedger.SegmentSize);

        var segment = AccountLedger.SegmentToSeal(account);

        Assert.NotNull(segment);
        Assert.Equal(AccountLedger.SegmentSize + 1, segment[0].Sequence);
        Assert.Equal(2 * AccountLedger.SegmentSize, segment[^1].Sequence);
    }

    [Fact]
    public void Apply_SealingAsSoonAsASegmentIsFull_KeepsFewerThanASegmentInState()
    {
        var account = Ledger.Customer();
        for (var i = 0; i < (5 * AccountLedger.SegmentSize) + 7; i++)
        {
            AddEntries(account, 1);
            if (AccountLedger.SegmentToSeal(account) is not null)
            {
                AccountLedger.MarkSealed(account);
            }

            Assert.True(account.Recent.Count < AccountLedger.SegmentSize);
        }

        Assert.Equal(5, account.SealedSegments);
        Assert.Equal((5L * AccountLedger.SegmentSize) + 1, account.Recent[0].Sequence);
    }

    [Fact]
    public void PageRange_NoCursor_StartsAtNewest()
    {
        var account = WithEntries(250);

        Assert.Equal((250L, 231L), AccountLedger.PageRange(account, null, 20));
    }

    [Fact]
    public void PageRange_Cursor_StartsJustBelowIt()
    {
        var account = WithEntries(250);

        Assert.Equal((99L, 80L), AccountLedger.PageRange(account, 100, 20));
    }

    [Fact]
    public void PageRange_NearTheStart_StopsAtOne()
    {
        var account = WithEntries(250);

        Assert.Equal((9L, 1L), AccountLedger.PageRange(account, 10, 20));
    }

    [Fact]
    public void PageRange_CursorBeyondNewest_StartsAtNewest()
    {
        var account = WithEntries(30);

        Assert.Equal((30L, 11L), AccountLedger.PageRange(account, 1_000, 20));
    }

    [Fact]
    public void PageRange_NoEntries_IsEmpty()
    {
        var (first, last) = AccountLedger.PageRange(Ledger.Customer(), null, 20);

        Assert.True(first < last);
    }

    [Fact]
    public void PageRange_CursorAtFirstEntry_IsEmpty()
    {
        var (first, last) = AccountLedger.PageRange(WithEntries(30), 1, 20);

        Assert.True(first < last);
    }

    [Fact]
    public void SegmentOf_FirstAndLastSequenceOfEachSegment_IsThatSegment()
    {
        const int size = AccountLedger.SegmentSize;

        Assert.Equal(0, AccountLedger.SegmentOf(1));
        Assert.Equal(0, AccountLedger.SegmentOf(size));
        Assert.Equal(1, AccountLedger.SegmentOf(size + 1));
        Assert.Equal(1, AccountLedger.SegmentOf(2 * size));
        Assert.Equal(2, AccountLedger.SegmentOf((2 * size) + 1));
    }

    private static AccountState WithEntries(int count)
    {
        var account = Ledger.Customer();
        AddEntries(account, count);
        return account;
    }

    private static void AddEntries(AccountState account, int count)
    {
        for (var i = 0; i < count; i++)
        {
            AccountLedger.Apply(account, Ledger.Credit(1m, $"pay_{account.NextSequence}"), Ledger.At, Ledger.Day);
        }
    }
}
