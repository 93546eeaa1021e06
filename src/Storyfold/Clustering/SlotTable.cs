namespace Storyfold.Clustering;

/// <summary>
/// Objects by small integer slot, each with a small value-type state kept side by side with the others'. Long lists
/// can then name their objects by an int instead of a reference the garbage collector has to trace, and a pass over
/// such a list reads the compact states (one array) instead of chasing a pointer into each object. A freed slot goes
/// to the next object added, with its state cleared: whoever frees one must know nothing names it any more.
/// </summary>
internal sealed class SlotTable<T, TState>
    where T : class
    where TState : struct
{
    private readonly Stack<int> _free = new();
    private T?[] _items = new T?[256];
    private TState[] _states = new TState[256];
    private int _used;

    /// <summary>Slots in use.</summary>
    public int Count => _used - _free.Count;

    /// <summary>The object in a slot in use.</summary>
    public T this[int slot] => _items[slot]!;

    /// <summary>The state of a slot. A reference into the table's storage: do not hold it across <see cref="Add"/>.</summary>
    public ref TState StateOf(int slot) => ref _states[slot];

    public int Add(T item, TState state)
    {
        if (!_free.TryPop(out var slot))
        {
            if (_used == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
                Array.Resize(ref _states, _items.Length);
            }

            slot = _used++;
        }

        _items[slot] = item;
        _states[slot] = state;
        return slot;
    }

    public void Free(int slot)
    {
        _items[slot] = null;
        _states[slot] = default;
        _free.Push(slot);
    }
}
