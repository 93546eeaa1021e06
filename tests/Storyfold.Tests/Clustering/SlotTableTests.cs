using Storyfold.Clustering;

namespace Storyfold.Tests.Clustering;

public sealed class SlotTableTests
{
    [Fact]
    public void A_freed_slot_is_given_to_the_next_object_with_its_own_state_and_the_others_stay_put()
    {
        var table = new SlotTable<string, int>();
        var a = table.Add("a", 1);
        var b = table.Add("b", 2);
        var c = table.Add("c", 3);

        table.Free(b);
        Assert.Equal(0, table.StateOf(b));
        var d = table.Add("d", 4);

        Assert.Equal(b, d);
        Assert.Equal("a", table[a]);
        Assert.Equal("c", table[c]);
        Assert.Equal("d", table[d]);
        Assert.Equal([1, 4, 3], new[] { table.StateOf(a), table.StateOf(d), table.StateOf(c) });
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Slots_and_states_stay_valid_as_the_table_grows()
    {
        var table = new SlotTable<string, int>();
        var slots = Enumerable.Range(0, 1000).Select(n => table.Add($"item {n}", n)).ToList();
        table.StateOf(slots[10]) += 5;

        Assert.Equal(1000, slots.Distinct().Count());
        Assert.Equal("item 0", table[slots[0]]);
        Assert.Equal("item 999", table[slots[999]]);
        Assert.Equal(999, table.StateOf(slots[999]));
        Assert.Equal(15, table.StateOf(slots[10]));
        Assert.Equal(1000, table.Count);
    }
}
