using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;

namespace Orleans.Fin.UnitTests.Accounts;

public sealed class AccountSchemaTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void NeedsRegistering_CustomerAccountStoredUnderAnOlderSchema_Yes(int version)
    {
        var account = Ledger.Customer(50m);
        account.SchemaVersion = version;

        Assert.True(AccountSchema.NeedsRegistering(account));
    }

    [Fact]
    public void NeedsRegistering_CustomerAccountStoredWhenTheRegistryExisted_No()
    {
        var account = Ledger.Customer(50m);
        account.SchemaVersion = 3;

        Assert.False(AccountSchema.NeedsRegistering(account));
    }

    [Fact]
    public void NeedsRegistering_CurrentSchema_No() => Assert.False(AccountSchema.NeedsRegistering(Ledger.Customer(50m)));

    [Fact]
    public void NeedsRegistering_NewAccountNotOpenedYet_No() => Assert.False(AccountSchema.NeedsRegistering(new AccountState()));

    [Fact]
    public void NeedsRegistering_BankAccountUnderAnOlderSchema_NoForTheBanksAccountsAreAFixedList()
    {
        var account = Ledger.Bank();
        account.SchemaVersion = 2;

        Assert.False(AccountSchema.NeedsRegistering(account));
    }

    [Fact]
    public void NewState_IsTheCurrentSchema() => Assert.Equal(AccountSchema.Current, new AccountState().SchemaVersion);
}
