using Orleans.Fin.Accounts;

namespace Orleans.Fin.UnitTests.Accounts;

/// <summary><see cref="AccountRefTable"/>: held as bits or as text, an account comes back exactly as it was added.</summary>
public sealed class AccountRefTableTests
{
    private const string Account = "acc_01M8PQ1FMFCKEQNKN7HR2F7FC8";
    private const string Other = "acc_01M8PQ1FMFCKEQNKN7HR2F7FC9";
    private const string Owner = "cus_01M8PQ1FMFCKEQNKN7HR2F7FD0";

    public static TheoryData<string, string> Ids => new()
    {
        { Account, Owner }, // both pack
        { Account, "treasury" }, // the owner is text
        { "sys_settlement_cny", Owner }, // the account is text
        { "acc_01m8pq1fmfckeqnkn7hr2f7fc8", "cus_01m8pq1fmfckeqnkn7hr2f7fd0" }, // lower case: other texts, kept as text
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void TryGet_AddedAccount_GivesAnEqualReference(string id, string owner)
    {
        var table = new AccountRefTable(10);
        var account = new AccountRef(id, owner, "CNY", AccountKind.Customer);

        table.Add(id, account);

        Assert.True(table.TryGet(id, out var found));
        Assert.Equal(account, found);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void TryGet_NeverAdded_GivesNothing()
    {
        var table = new AccountRefTable(10);
        table.Add(Account, new AccountRef(Account, Owner, "CNY", AccountKind.Customer));

        Assert.False(table.TryGet(Other, out var found));
        Assert.Null(found);
        Assert.False(table.TryGet("acc_01m8pq1fmfckeqnkn7hr2f7fc8", out _)); // another text than the one added
    }

    [Fact]
    public void TryGet_ReferenceUnderAnotherId_GivesItWithItsOwnId()
    {
        var table = new AccountRefTable(10);
        var account = new AccountRef(Other, Owner, "USD", AccountKind.Customer);

        table.Add(Account, account);

        Assert.True(table.TryGet(Account, out var found));
        Assert.Equal(account, found);
    }

    [Fact]
    public void Add_TwoAccounts_KeepsEachOwnersFacts()
    {
        var table = new AccountRefTable(10);
        var first = new AccountRef(Account, Owner, "CNY", AccountKind.Customer);
        var second = new AccountRef(Other, "cus_01M8PQ1FMFCKEQNKN7HR2F7FD1", "USD", AccountKind.Customer);

        table.Add(Account, first);
        table.Add(Other, second);

        Assert.True(table.TryGet(Account, out var a));
        Assert.True(table.TryGet(Other, out var b));
        Assert.Equal(first, a);
        Assert.Equal(second, b);
    }

    [Fact]
    public void Add_AtCapacity_EmptiesTheTableFirst()
    {
        var table = new AccountRefTable(2);
        table.Add(Account, new AccountRef(Account, Owner, "CNY", AccountKind.Customer));
        table.Add("sys_settlement_cny", new AccountRef("sys_settlement_cny", "treasury", "CNY", AccountKind.Settlement));

        table.Add(Other, new AccountRef(Other, Owner, "CNY", AccountKind.Customer));

        Assert.Equal(1, table.Count);
        Assert.False(table.TryGet(Account, out _));
        Assert.True(table.TryGet(Other, out _));
    }
}
