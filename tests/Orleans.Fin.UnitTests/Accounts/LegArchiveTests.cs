using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

/// <summary><see cref="LegRetention.Archive"/>: when an account's settled legs move to its archive, and what the archive keeps.</summary>
public sealed class LegArchiveTests
{
    [Fact]
    public void Archive_FewerThan64Settled_MovesNothing()
    {
        var account = Settled("pay_", 63, Ledger.At);

        var archive = LegRetention.Archive(account, [], Ledger.At);

        Assert.Null(archive);
        Assert.Equal(63, LegRetention.SettledCount(account));
        Assert.False(account.Archived);
        Assert.False(LegRetention.ArchiveDue(account));
    }

    [Fact]
    public void Archive_64Settled_MovesAllInOrderAndEmptiesTheAccount()
    {
        var account = Settled("pay_", 64, Ledger.At);
        List<SettledLegs> earlier = [new(Ledger.At.AddSeconds(-30), ["pay_old"])];

        var archive = LegRetention.Archive(account, earlier, Ledger.At.AddSeconds(1));

        Assert.NotNull(archive);
        Assert.Equal(65, archive.Sum(b => b.Ids.Count));
        Assert.Equal("pay_old", archive[0].Ids[0]);
        Assert.Equal("pay_0", archive[1].Ids[0]);
        Assert.Equal("pay_63", archive[^1].Ids[^1]);
        Assert.Empty(account.Settled);
        Assert.True(account.Archived);
        Assert.True(LegRetention.MayHaveArchive(account));
        Assert.Equal(["pay_old"], Assert.Single(earlier).Ids); // the archive it was given is not changed
    }

    [Theory]
    [InlineData(4, false, false)] // this schema, never moved legs to an archive: it has none to read
    [InlineData(4, true, true)]
    [InlineData(3, false, true)] // stored before the flag: it may have one
    [InlineData(2, false, true)]
    [InlineData(1, false, true)]
    public void MayHaveArchive_BySchemaAndFlag_ReadsTheArchiveUnlessTheAccountSaysItHasNone(int schema, bool archived, bool expected)
    {
        var account = Ledger.Customer(10m);
        account.SchemaVersion = schema;
        account.Archived = archived;

        Assert.Equal(expected, LegRetention.MayHaveArchive(account));
    }

    [Fact]
    public void MayHaveArchive_NewAccount_No() => Assert.False(LegRetention.MayHaveArchive(new AccountState()));

    [Fact]
    public void Knows_LegOnlyInTheArchive_IsKnown()
    {
        var account = Settled("pay_", 64, Ledger.At);
        var archive = LegRetention.Archive(account, [], Ledger.At)!;

        Assert.True(LegRetention.Knows(account, archive, "pay_17"));
        Assert.False(LegRetention.Knows(account, "pay_17"));
        Assert.False(LegRetention.Knows(account, archive, "pay_64"));
    }

    [Fact]
    public void Archive_LegsTheArchiveAlreadyHolds_AreNotRepeated()
    {
        // After the account's own write failed, the legs the archive took are still in the account as well.
        var account = Settled("pay_", 64, Ledger.At);
        List<SettledLegs> archived = [new(Ledger.At, ["pay_0", "pay_1", "pay_2"])];

        var archive = LegRetention.Archive(account, archived, Ledger.At)!;

        Assert.Equal(64, archive.Sum(b => b.Ids.Count));
        Assert.Equal(64, archive.SelectMany(b => b.Ids).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Archive_MoreThan512_ForgetsTheOldest()
    {
        var account = Settled("pay_", 64, Ledger.At.AddSeconds(20));
        List<SettledLegs> archived = [new(Ledger.At, [.. Enumerable.Range(0, 500).Select(i => $"old_{i}")])];

        var archive = LegRetention.Archive(account, archived, Ledger.At.AddSeconds(21))!;

        Assert.Equal(512, archive.Sum(b => b.Ids.Count));
        Assert.False(LegRetention.Knows(account, archive, "old_51"));
        Assert.True(LegRetention.Knows(account, archive, "old_52"));
        Assert.True(LegRetention.Knows(account, archive, "pay_63"));
    }

    [Fact]
    public void Archive_NewestLegsStampedEarlierByAClockBehind_AreKeptOverTheOldest()
    {
        // The archive was written on a silo whose clock ran a minute ahead; the account's newer legs settled on one
        // that did not. The cap still forgets the legs that settled first.
        var account = Settled("pay_", 64, Ledger.At);
        List<SettledLegs> archived = [new(Ledger.At.AddMinutes(1), [.. Enumerable.Range(0, 500).Select(i => $"old_{i}")])];

        var archive = LegRetention.Archive(account, archived, Ledger.At.AddSeconds(1))!;

        Assert.Equal(512, archive.Sum(b => b.Ids.Count));
        Assert.All(Enumerable.Range(0, 64), i => Assert.True(LegRetention.Knows(account, archive, $"pay_{i}")));
        Assert.False(LegRetention.Knows(account, archive, "old_51"));
        Assert.True(LegRetention.Knows(account, archive, "old_52"));
    }

    [Fact]
    public void Archive_ArchivedBatchPastRetention_IsDropped()
    {
        var now = Ledger.At.AddMinutes(11);
        var account = Settled("pay_", 64, now);
        List<SettledLegs> archived = [new(Ledger.At, ["pay_expired"]), new(Ledger.At.AddMinutes(2), ["pay_recent"])];

        var archive = LegRetention.Archive(account, archived, now)!;

        Assert.False(LegRetention.Knows(account, archive, "pay_expired"));
        Assert.True(LegRetention.Knows(account, archive, "pay_recent"));
        Assert.Equal(65, archive.Sum(b => b.Ids.Count));
    }

    /// <summary>An account with <paramref name="count"/> legs posted and settled at <paramref name="at"/>.</summary>
    private static AccountState Settled(string prefix, int count, DateTimeOffset at)
    {
        var account = Ledger.Bank();
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}{i}").ToList();
        foreach (var id in ids)
        {
            Ledger.Post(account, Ledger.Credit(1m, id), at: at);
        }

        LegRetention.Settle(account, ids, at);
        return account;
    }
}
