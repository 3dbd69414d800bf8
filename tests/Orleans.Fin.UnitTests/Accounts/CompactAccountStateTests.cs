using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.UnitTests.Accounts;

/// <summary>
/// Entries and settled-leg batches are values, settled ids packed: the stored JSON is what the objects wrote, so states,
/// archives and sealed segments stored before read and write back unchanged.
/// </summary>
public sealed class CompactAccountStateTests
{
    // An account as stored while entries and settled-leg batches were objects: an entry with an exchange rate and one
    // without a counterparty, times in two offsets, a leg in flight and two batches of settled legs (nulls are not written).
    private const string StoredAccount =
        """{"SchemaVersion":3,"Opened":true,"CustomerId":"cus_01M8PQ1FMFCKEQNKN7HR2F7FC9","Currency":"CNY","Kind":0,"Balance":""" +
        """1080.25,"Status":0,"OpenedAt":"2026-11-30T17:11:33+00:00","NextSequence":36,"SealedSegments":1,"Recent":[""" +
        """{"Sequence":33,"At":"2026-11-30T17:12:00+00:00","Amount":-10,"BalanceAfter":990,"Kind":1,"Reference":"pay_01M8PQ1FMFCKEQNKN7HR2F7FC8","Counterparty":"acc_01M8PQ1FPKC6N0Q452MX13PFVM"},""" +
        """{"Sequence":34,"At":"2026-12-01T01:13:00.1234567+08:00","Amount":90.25,"BalanceAfter":1080.25,"Kind":5,"Reference":"pay_01M8PQ1FMFCKEQNKN7HR2F7FD0","Counterparty":"acc_01M8PQ1FPKC6N0Q452MX13PFVM","FxRate":7.1053},""" +
        """{"Sequence":35,"At":"2026-11-30T17:14:00+00:00","Amount":0.00,"BalanceAfter":1080.25,"Kind":0,"Reference":"dep_01M8PQ1FMFCKEQNKN7HR2F7FD1"}],"InFlight":""" +
        """{"dep_01M8PQ1FMFCKEQNKN7HR2F7FD1":{"Amount":0.00,"PostedAt":"2026-11-30T17:14:00+00:00","CountedTowardsLimit":false,"Day":"2026-11-30","Reversed":false}},"Settled":[""" +
        """{"At":"2026-11-30T17:12:01+00:00","Ids":["pay_01M8PQ1FMFCKEQNKN7HR2F7FC8","pay_01M8PQ1FMFCKEQNKN7HR2F7FC7"]},""" +
        """{"At":"2026-11-30T17:13:30+00:00","Ids":["pay_01M8PQ1FMFCKEQNKN7HR2F7FD0"]}],"SpendingDay":"2026-11-30","SpentToday":10,"History":[]}""";

    // A settled-leg archive as stored while batches were objects, one with an id outside ASCII.
    private const string StoredArchive =
        """{"SchemaVersion":1,"Batches":[{"At":"2026-11-30T17:00:00+00:00","Ids":["pay_1","pay_2","pay_3"]},""" +
        """{"At":"2026-11-30T17:00:20+00:00","Ids":["pay_\u00E9t\u00E9","pay_4"]}]}""";

    // An archive of platform ids (packed as bits) beside ids that only look like them (kept as their characters): lower
    // case, a first digit past 128 bits, a prefix the platform does not make, a character the writer escapes.
    private const string StoredMixedArchive =
        """{"SchemaVersion":1,"Batches":[{"At":"2026-11-30T17:00:00+00:00","Ids":["pay_01M8PQ1FMFCKEQNKN7HR2F7FC8","pay_01m8""" +
        """pq1fmfckeqnkn7hr2f7fc8","pay_81M8PQ1FMFCKEQNKN7HR2F7FC8","mov_01M8PQ1FMFCKEQNKN7HR2F7FC8","case_01M8PQ1FMFCKEQNKN7HR2F7FC8"]},""" +
        """{"At":"2026-11-30T17:00:20+00:00","Ids":["dep_7ZZZZZZZZZZZZZZZZZZZZZZZZZ","pay_1\u002B1","lrp_00000000000000000000000000"]}]}""";

    private readonly StateJsonSerializer _serializer = new();

    // What a node writes while silos of an earlier version may read its states (entries as objects, as before rows).
    private readonly StateJsonSerializer _objects = new(rows: false);

    [Fact]
    public void Read_AccountStoredAsObjects_GivesTheSameValues()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        Assert.Equal([33L, 34L, 35L], account.Recent.Select(e => e.Sequence));
        var fx = account.Recent[1];
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 1, 13, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567), fx.At);
        Assert.Equal(TimeSpan.FromHours(8), fx.At.Offset);
        Assert.Equal((90.25m, 1080.25m, EntryKind.FxIn, 7.1053m), (fx.Amount, fx.BalanceAfter, fx.Kind, fx.FxRate));
        Assert.Equal(("dep_01M8PQ1FMFCKEQNKN7HR2F7FD1", (string?)null, (decimal?)null), (account.Recent[2].Reference, account.Recent[2].Counterparty, account.Recent[2].FxRate));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 17, 13, 30, TimeSpan.Zero), account.Settled[1].At);
        Assert.Equal(["pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", "pay_01M8PQ1FMFCKEQNKN7HR2F7FC7"], account.Settled[0].Ids.ToList());
        Assert.True(LegRetention.Knows(account, "pay_01M8PQ1FMFCKEQNKN7HR2F7FC7"));
        Assert.True(LegRetention.Knows(account, "dep_01M8PQ1FMFCKEQNKN7HR2F7FD1"));
        Assert.False(LegRetention.Knows(account, "pay_01M8PQ1FMFCKEQNKN7HR2F7FC6"));
    }

    [Fact]
    public void Write_AccountStoredAsObjects_WritesTheSamePayload()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        Assert.Equal(StoredAccount, _objects.Serialize(account).ToString());
    }

    [Fact]
    public void Write_AccountStoredAsObjects_WritesItsEntriesAsRowsThatReadBackTheSame()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        var rows = _serializer.Serialize(account);

        Assert.Contains(
            "\"Recent\":[[33,\"2026-11-30T17:12:00+00:00\",-10,990,1,\"pay_01M8PQ1FMFCKEQNKN7HR2F7FC8\",\"acc_01M8PQ1FPKC6N0Q452MX13PFVM\",null]," +
            "[34,\"2026-12-01T01:13:00.1234567+08:00\",90.25,1080.25,5,\"pay_01M8PQ1FMFCKEQNKN7HR2F7FD0\",\"acc_01M8PQ1FPKC6N0Q452MX13PFVM\",7.1053]," +
            "[35,\"2026-11-30T17:14:00+00:00\",0.00,1080.25,0,\"dep_01M8PQ1FMFCKEQNKN7HR2F7FD1\",null,null]]", rows.ToString(), StringComparison.Ordinal);
        Assert.Equal(StoredAccount, _objects.Serialize(_serializer.Deserialize<AccountState>(rows)).ToString());
    }

    [Fact]
    public void Write_AccountWithItsNewestEntries_TakesUnderThreeQuartersOfTheObjectForm()
    {
        var account = BusyAccountState.Build(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

        var rows = _serializer.Serialize(account).ToMemory().Length;
        var objects = _objects.Serialize(account).ToMemory().Length;

        Assert.True(rows < objects * 3 / 4, $"rows {rows} B, objects {objects} B");
        Assert.Equal(_objects.Serialize(account).ToString(), _objects.Serialize(_serializer.Deserialize<AccountState>(_serializer.Serialize(account))).ToString());
    }

    [Fact]
    public void Read_AccountStoredBeforeTheArchiveFlag_MayHaveAnArchive()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        Assert.False(account.Archived);
        Assert.True(LegRetention.MayHaveArchive(account));
    }

    [Fact]
    public void ReadAndWrite_AccountWithAnArchive_WritesTheFlagLast()
    {
        var stored = StoredAccount.Replace("\"SchemaVersion\":3", "\"SchemaVersion\":4", StringComparison.Ordinal)[..^1] + ",\"Archived\":true}";

        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(stored));

        Assert.True(account.Archived);
        Assert.True(LegRetention.MayHaveArchive(account));
        Assert.Equal(stored, _objects.Serialize(account).ToString());
        account.Archived = false;
        Assert.False(LegRetention.MayHaveArchive(account));
        Assert.DoesNotContain("Archived", _serializer.Serialize(account).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAndWrite_ArchiveStoredAsObjects_KeepsEveryIdExactly()
    {
        var archive = _serializer.Deserialize<SettledLegsState>(BinaryData.FromString(StoredArchive));

        Assert.Equal(["pay_été", "pay_4"], archive.Batches[1].Ids.ToList());
        Assert.True(LegRetention.Knows(Ledger.Bank(), archive.Batches, "pay_été"));
        Assert.False(LegRetention.Knows(Ledger.Bank(), archive.Batches, "pay_ete"));
        Assert.Equal(StoredArchive, _serializer.Serialize(archive).ToString());
    }

    [Fact]
    public void ReadAndWrite_ArchiveOfPlatformIdsAndLookalikes_KeepsEveryIdExactly()
    {
        var archive = _serializer.Deserialize<SettledLegsState>(BinaryData.FromString(StoredMixedArchive));

        Assert.Equal(
            ["pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", "pay_01m8pq1fmfckeqnkn7hr2f7fc8", "pay_81M8PQ1FMFCKEQNKN7HR2F7FC8", "mov_01M8PQ1FMFCKEQNKN7HR2F7FC8", "case_01M8PQ1FMFCKEQNKN7HR2F7FC8"],
            archive.Batches[0].Ids.ToList());
        Assert.Equal(["dep_7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "pay_1+1", "lrp_00000000000000000000000000"], archive.Batches[1].Ids.ToList());
        Assert.True(LegRetention.Knows(Ledger.Bank(), archive.Batches, "pay_01m8pq1fmfckeqnkn7hr2f7fc8"));
        Assert.True(LegRetention.Knows(Ledger.Bank(), archive.Batches, "lrp_00000000000000000000000000"));
        Assert.False(LegRetention.Knows(Ledger.Bank(), archive.Batches, "pay_01M8PQ1FMFCKEQNKN7HR2F7FC9"));
        Assert.False(LegRetention.Knows(Ledger.Bank(), archive.Batches, "pay_01m8pq1fmfckeqnkn7hr2f7fC8"));
        Assert.False(LegRetention.Knows(Ledger.Bank(), archive.Batches, "sub_01M8PQ1FMFCKEQNKN7HR2F7FC8"));
        Assert.False(LegRetention.Knows(Ledger.Bank(), archive.Batches, "dep_7ZZZZZZZZZZZZZZZZZZZZZZZZY"));
        Assert.Equal(StoredMixedArchive, _serializer.Serialize(archive).ToString());
    }

    [Fact]
    public void ReadAndWrite_SegmentStoredAsObjects_WritesTheSamePayload()
    {
        const string stored =
            """{"SchemaVersion":1,"Entries":[{"Sequence":1,"At":"2026-11-30T17:12:00+00:00","Amount":1000000,"BalanceAfter":1000000,"Kind":0,"Reference":"dep_1"},""" +
            """{"Sequence":2,"At":"2026-11-30T17:12:05-05:30","Amount":-10.50,"BalanceAfter":999989.50,"Kind":1,"Reference":"pay_1","Counterparty":"acc_2"}]}""";

        var segment = _serializer.Deserialize<LedgerSegmentState>(BinaryData.FromString(stored));

        Assert.Equal(TimeSpan.FromMinutes(-330), segment.Entries[1].At.Offset);
        Assert.Equal(stored, _objects.Serialize(segment).ToString());
    }

    [Theory]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8")] // held as bits
    [InlineData("lrp_7ZZZZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("pay_01m8pq1fmfckeqnkn7hr2f7fc8")] // the rest held as text
    [InlineData("pay_81M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("mov_01M8PQ1FMFCKEQNKN7HR2F7FC8")]
    [InlineData("pay_01M8PQ1FMFCKEQNKN7HR2F7FC\u00C8")]
    [InlineData("dep_1")]
    [InlineData("")]
    public void Reference_AnyTransferId_ReadsBackTheSameTextAndJson(string reference)
    {
        var entry = new EntryRecord { Sequence = 7, Reference = reference, Counterparty = "acc_2" };
        var stored = _objects.Serialize(new LedgerSegmentState { Entries = [entry] }).ToString();
        var row = _serializer.Serialize(new LedgerSegmentState { Entries = [entry] });
        var objects = _objects.Serialize(new
        {
            SchemaVersion = 1,
            Entries = new[] { new { Sequence = 7L, At = default(DateTimeOffset), Amount = 0m, BalanceAfter = 0m, Kind = EntryKind.Deposit, Reference = reference, Counterparty = "acc_2" } },
        }).ToString();

        Assert.Equal(reference, entry.Reference);
        Assert.Equal(objects, stored);
        Assert.Equal(reference, _serializer.Deserialize<LedgerSegmentState>(BinaryData.FromString(stored)).Entries[0].Reference);
        Assert.Equal(reference, _serializer.Deserialize<LedgerSegmentState>(row).Entries[0].Reference);
        Assert.Contains("\"Entries\":[[7,", row.ToString(), StringComparison.Ordinal);
        Assert.Equal(entry, new EntryRecord { Sequence = 7, Reference = new string(reference.AsSpan()), Counterparty = "acc_2" }, EntryRecordComparer.Instance);
        Assert.NotEqual(entry, new EntryRecord { Sequence = 7, Reference = reference + "0", Counterparty = "acc_2" }, EntryRecordComparer.Instance);
    }

    [Fact]
    public void EntryRecord_InAList_Takes96Bytes()
    {
        Assert.Equal(96, System.Runtime.CompilerServices.Unsafe.SizeOf<EntryRecord>());
    }

    [Fact]
    public void Read_EntryStoredWithoutReference_HasAnEmptyOne()
    {
        const string stored = """{"SchemaVersion":1,"Entries":[{"Sequence":1,"At":"2026-11-30T17:12:00+00:00","Amount":5,"BalanceAfter":5,"Kind":0}]}""";

        var segment = _serializer.Deserialize<LedgerSegmentState>(BinaryData.FromString(stored));

        Assert.Equal("", segment.Entries[0].Reference);
        Assert.Equal("", default(EntryRecord).Reference);
    }

    [Fact]
    public void Read_ListsOfEntriesAndBatches_KeepNoSpareRoom()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));
        var archive = _serializer.Deserialize<SettledLegsState>(BinaryData.FromString(StoredArchive));

        Assert.Equal(3, account.Recent.Capacity);
        Assert.Equal(2, account.Settled.Capacity);
        Assert.Equal(2, archive.Batches.Capacity);
    }

    [Fact]
    public void Apply_OnACopy_LeavesNoSpareRoomInTheNextState()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        var next = account.Copy();
        LegRetention.Settle(next, ["dep_01M8PQ1FMFCKEQNKN7HR2F7FD1"], new DateTimeOffset(2026, 11, 30, 17, 15, 0, TimeSpan.Zero));
        Ledger.Post(next, Ledger.Credit(5m, "pay_next"));

        Assert.Equal((4, 4), (next.Recent.Count, next.Recent.Capacity));
        Assert.Equal((3, 3), (next.Settled.Count, next.Settled.Capacity));
        Assert.Equal(3, account.Recent.Count);
    }

    [Fact]
    public void MarkSealed_FullSegment_LeavesTheRestWithRoomForOne()
    {
        var account = Ledger.Bank();
        for (var i = 0; i < AccountLedger.SegmentSize + 2; i++)
        {
            Ledger.Post(account, Ledger.Credit(1m, $"pay_{i}"));
        }

        AccountLedger.MarkSealed(account);

        Assert.Equal((2, 3), (account.Recent.Count, account.Recent.Capacity));
        Assert.Equal(["pay_32", "pay_33"], account.Recent.Select(e => e.Reference));
    }

    [Fact]
    public void Apply_SameCounterpartyAsAnEarlierEntry_SharesItsInstance()
    {
        var account = Ledger.Customer(100m);
        Ledger.Post(account, Ledger.Debit(1m, "pay_1"));

        var entry = Ledger.Post(account, Ledger.Debit(1m, "pay_2") with { CounterpartyAccountId = new string("acc_other".AsSpan()) });

        Assert.Same(account.Recent[0].Counterparty, entry.Counterparty);
    }
}
