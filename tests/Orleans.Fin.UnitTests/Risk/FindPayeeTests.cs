using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class FindPayeeTests
{
    [Fact]
    public void FindPayee_FullListOfPayees_FindsEachAndNoOther()
    {
        var profile = new BehaviourProfile();
        for (var i = 0; i < BehaviourLimits.MaxPayees; i++)
        {
            profile.Payees.Add(new PayeeRecord { AccountId = $"acc_01M8PQ1FMFCKEQNKN7HR2F{i:D4}", Payments = i });
        }

        Assert.All(Enumerable.Range(0, BehaviourLimits.MaxPayees), i => Assert.Equal(i, ProfileQueries.FindPayee(profile, $"acc_01M8PQ1FMFCKEQNKN7HR2F{i:D4}")?.Payments));
        Assert.Null(ProfileQueries.FindPayee(profile, "acc_01M8PQ1FMFCKEQNKN7HR2F9999"));
        Assert.Null(ProfileQueries.FindPayee(profile, "ACC_01M8PQ1FMFCKEQNKN7HR2F0001")); // ordinal, as account ids are
    }

    [Fact]
    public void FindPayee_RecordGivenAnotherAccount_FoundByTheNewAccountOnly()
    {
        var record = new PayeeRecord { AccountId = "acc_old" };
        var profile = new BehaviourProfile { Payees = [record] };

        record.AccountId = "acc_new";

        Assert.Same(record, ProfileQueries.FindPayee(profile, "acc_new"));
        Assert.Null(ProfileQueries.FindPayee(profile, "acc_old"));
    }

    [Fact]
    public void FindPayee_RecordReadFromJson_IsFound()
    {
        var profile = System.Text.Json.JsonSerializer.Deserialize<BehaviourProfile>("""{"Payees":[{"AccountId":"acc_stored","Payments":3}]}""")!;

        Assert.Equal(3, ProfileQueries.FindPayee(profile, "acc_stored")?.Payments);
    }
}
