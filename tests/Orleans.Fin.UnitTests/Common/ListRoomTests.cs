using Orleans.Fin.Common;

namespace Orleans.Fin.UnitTests.Common;

public sealed class ListRoomTests
{
    [Fact]
    public void Exact_ListWithSpareSlots_ReturnsAnArrayOfItsItems()
    {
        var read = new List<string>(4) { "dev-a", "dev-b" };

        var exact = ListRoom.Exact(read);

        var array = Assert.IsType<string[]>(exact);
        Assert.Equal(["dev-a", "dev-b"], array);
    }

    [Fact]
    public void Exact_EmptyList_ReturnsTheSharedEmptyArray()
    {
        Assert.Same(Array.Empty<int>(), ListRoom.Exact(new List<int>(8)));
    }

    [Fact]
    public void Exact_Array_ReturnsItUnchanged()
    {
        string[] ids = ["acc_1"];

        Assert.Same(ids, ListRoom.Exact(ids));
    }

    [Fact]
    public void Fit_ListWithSpareSlots_DropsThem()
    {
        var read = new List<int>(16) { 1, 2, 3 };

        Assert.Same(read, ListRoom.Fit(read));
        Assert.Equal(3, read.Capacity);
    }
}
