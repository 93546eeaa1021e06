namespace Storyfold.Clustering;

/// <summary>
/// The window's articles by sequence number, oldest first, in one array: article n sits at n modulo a power of two, so
/// a lookup by sequence (the near-duplicate index lists sequences, not objects) is one read, and leaving from the front
/// is a move of the oldest number. Grows by doubling when the window outgrows it.
/// </summary>
internal sealed class WindowRing<T>
{
    private T[] _items = new T[1024];
    private long _oldest;
    private long _end;

    /// <summary>Items held.</summary>
    public int Count => (int)(_end - _oldest);

    /// <summary>The sequence number of the oldest item; the next added gets <see cref="Count"/> numbers later.</summary>
    public long OldestSequence => _oldest;

    /// <summary>The item of a sequence number held (a reference into the storage: do not hold it across <see cref="Add"/>).</summary>
    public ref T At(long sequence) => ref _items[(int)(sequence & (_items.Length - 1))];

    /// <summary>Adds the item of the next sequence number, which must follow the newest held.</summary>
    public void Add(long sequence, T item)
    {
        if (Count == 0)
        {
            _oldest = _end = sequence;
        }
        else if (sequence != _end)
        {
            throw new InvalidOperationException($"WindowRing: sequence {sequence} does not follow {_end - 1}");
        }

        if (Count == _items.Length)
        {
            var items = new T[_items.Length * 2];
            for (var n = _oldest; n < _end; n++)
            {
                items[(int)(n & (items.Length - 1))] = At(n);
            }

            _items = items;
        }

        _end++;
        At(sequence) = item;
    }

    /// <summary>Takes out the oldest item.</summary>
    public T RemoveOldest()
    {
        ref var slot = ref At(_oldest);
        var item = slot;
        slot = default!;
        _oldest++;
        return item;
    }
}
