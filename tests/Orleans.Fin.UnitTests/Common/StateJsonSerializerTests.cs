using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Fin.UnitTests.Common;

public sealed class StateJsonSerializerTests
{
    private const string Transfer = "pay_01M8PQ1FMFCKEQNKN7HR2F7FC8";
    private const string Payee = "acc_01M8PQ1FPKC6N0Q452MX13PFVM";

    // An account as stored before strings were shared: the transfer id is both an entry's reference and its leg's key,
    // and the payee appears on two entries.
    private const string StoredAccount = """
        {"SchemaVersion":1,"Opened":true,"CustomerId":"cus_01M8PQ1FMFCKEQNKN7HR2F7FC9","Currency":"CNY","Kind":0,"Balance":970,
         "Status":0,"OpenedAt":"2026-11-30T17:11:33+00:00","NextSequence":3,"SealedSegments":0,
         "Recent":[
           {"Sequence":1,"At":"2026-11-30T17:12:00+00:00","Amount":-10,"BalanceAfter":990,"Kind":1,"Reference":"pay_01M8PQ1FMFCKEQNKN7HR2F7FC8","Counterparty":"acc_01M8PQ1FPKC6N0Q452MX13PFVM"},
           {"Sequence":2,"At":"2026-11-30T17:13:00+00:00","Amount":-20,"BalanceAfter":970,"Kind":1,"Reference":"pay_01M8PQ1FMFCKEQNKN7HR2F7FD0","Counterparty":"acc_01M8PQ1FPKC6N0Q452MX13PFVM"}],
         "InFlight":{"pay_01M8PQ1FMFCKEQNKN7HR2F7FC8":{"Amount":-10,"PostedAt":"2026-11-30T17:12:00+00:00","Settled":true}},
         "SpendingDay":"2026-11-30","SpentToday":30,"History":[]}
        """;

    private readonly StateJsonSerializer _serializer = new();

    [Fact]
    public void Deserialize_StoredAccount_ReadsEveryValue()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        Assert.Equal(970m, account.Balance);
        Assert.Equal([Transfer, "pay_01M8PQ1FMFCKEQNKN7HR2F7FD0"], account.Recent.Select(e => e.Reference));
        Assert.Equal(Payee, account.Recent[1].Counterparty);
        Assert.True(account.InFlight[Transfer].Settled);
        Assert.Equal(new DateOnly(2026, 11, 30), account.SpendingDay);
    }

    [Fact]
    public void Deserialize_RepeatedStrings_ShareOneInstance()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        Assert.Same(account.Recent[0].Counterparty, account.Recent[1].Counterparty);
        Assert.Equal(account.Recent[0].Reference, account.InFlight.Keys.Single()); // the entry holds it as bits (EntryRecord)
    }

    [Fact]
    public void Deserialize_ShortStringsOfSeparateStates_ShareOneInstance()
    {
        var first = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));
        var second = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));

        Assert.Same(first.Currency, second.Currency);
        Assert.NotSame(first.CustomerId, second.CustomerId); // ids are shared only within one state: the table never fills with them
        Assert.Equal(first.CustomerId, second.CustomerId);
    }

    [Fact]
    public void Serialize_WithoutRows_WritesExactlyWhatTheOrleansSerializerWrites()
    {
        var risk = new RiskState { Score = 12, ModelVersion = "fraud-v3" };
        risk.Profile.SeenEventDigests.Add(EventDigest.Of(Transfer + ":PaymentOut"));
        risk.Profile.Payments.Add(new PaymentRecord { EventId = Transfer + ":PaymentOut", Amount = 10.50m, Currency = "CNY", PayeeAccountId = Payee, City = "上海" });
        risk.Audit.Add(new StoredAudit
        {
            Sequence = 1, CustomerId = "cus_1", Why = "Payment \"x\" of 10.50 CNY: no findings", Decision = "Allow", AccountId = Payee, Reference = Transfer,
        });
        var orleans = new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

        var ours = new StateJsonSerializer(rows: false).Serialize(risk).ToArray();

        Assert.Equal(orleans.Serialize(risk).ToArray(), ours);
        var back = _serializer.Deserialize<RiskState>(new BinaryData(ours));
        Assert.Equal(10.50m, back.Profile.Payments[0].Amount);
        Assert.Equal("上海", back.Profile.Payments[0].City);
        Assert.Null(back.Profile.Payments[0].DeviceId);
        Assert.Same(back.Audit[0].AccountId, back.Profile.Payments[0].PayeeAccountId);
        Assert.Equal(EventKey.Of(Transfer + ":PaymentOut"), back.Profile.Payments[0].Event);
        Assert.True(BehaviourTracker.HasSeen(back.Profile, Transfer + ":PaymentOut"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SerializeIntoABuffer_FullRiskWindows_WritesExactlyWhatSerializeReturns(bool rows)
    {
        var serializer = new StateJsonSerializer(rows);
        var risk = new RiskState { Score = 12, ModelVersion = "fraud-v3" };
        var at = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < BehaviourLimits.MaxPayments; i++)
        {
            var transfer = $"pay_{i:D26}";
            risk.Profile.SeenEventDigests.Add(EventDigest.Of(transfer + ":PaymentOut"));
            risk.Profile.Payments.Add(new PaymentRecord
            {
                EventId = transfer + ":PaymentOut", At = at.AddMinutes(i), Amount = 10.50m + i, Currency = "CNY", PayeeAccountId = Payee, City = "上海",
            });
            risk.Decisions.Add(new DecisionRecord { MovementId = transfer, At = at.AddMinutes(i), AmountCny = 10.50m + i });
        }

        risk.Audit.Add(new StoredAudit { Sequence = 1, CustomerId = "cus_1", Why = "Payment \"x\" <of> 10.50 CNY & more", Decision = "Allow" });
        var expected = serializer.Serialize(risk).ToArray();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);

        serializer.Serialize(risk, buffer);

        Assert.True(expected.Length > 32 * 1024, $"{expected.Length} bytes");
        Assert.Equal(expected, buffer.WrittenSpan.ToArray());
        var back = serializer.Deserialize<RiskState>(new BinaryData(buffer.WrittenMemory));
        Assert.Equal(BehaviourLimits.MaxPayments, back.Profile.Payments.Count);
        Assert.Equal("上海", back.Profile.Payments[^1].City);
    }

    [Fact]
    public void SerializeIntoABuffer_Account_WritesExactlyWhatSerializeReturns()
    {
        var account = _serializer.Deserialize<AccountState>(BinaryData.FromString(StoredAccount));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        _serializer.Serialize(account, buffer);

        Assert.Equal(_serializer.Serialize(account).ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void SerializeIntoAPooledPayload_BusyRiskAndAccount_WritesExactlyWhatSerializeReturns()
    {
        var now = new DateTimeOffset(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);
        var risk = TestSupport.BusyRiskState.Build(now);
        var account = TestSupport.BusyAccountState.Build(now);
        using var riskBytes = new Silo.Storage.PooledPayload(new TestSupport.RecordingArrayPool());
        using var accountBytes = new Silo.Storage.PooledPayload(new TestSupport.RecordingArrayPool());

        _serializer.Serialize(risk, riskBytes);
        _serializer.Serialize(account, accountBytes);

        Assert.Equal(_serializer.Serialize(risk).ToArray(), riskBytes.Written.ToArray());
        Assert.Equal(_serializer.Serialize(account).ToArray(), accountBytes.Written.ToArray());
    }

    [Fact]
    public void Share_OutsideARead_KeepsTheValue()
    {
        var id = string.Concat("acc_", new string('7', 26));

        Assert.Same(id, StateStrings.Share(id));
        Assert.Equal("CN", StateStrings.Share(string.Concat("C", "N")));
    }
}
