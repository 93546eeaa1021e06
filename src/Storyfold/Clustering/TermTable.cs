using System.Runtime.InteropServices;

namespace Storyfold.Clustering;

/// <summary>
/// The window's terms in flat storage: each term hash gets a small integer id, and each id a document frequency, a
/// count of open stories holding it, and its list of story slots in order of use. No entry holds an object reference
/// but the lists' own int arrays, so the garbage collector, which traced millions of per-term objects and story
/// references in these lists before (a quarter of assignment time), has next to nothing to scan here.
/// </summary>
internal sealed class TermTable
{
    private readonly Dictionary<ulong, int> _ids = [];
    private readonly Stack<int> _free = new();
    private Term[] _terms = new Term[1024];
    private int _used;

    /// <summary>Terms in the table.</summary>
    public int Count => _ids.Count;

    /// <summary>
    /// The term behind an id. The reference is into the table's storage: do not hold it across <see cref="GetOrAdd"/>,
    /// which may move the storage.
    /// </summary>
    public ref Term this[int id] => ref _terms[id];

    public bool TryGetId(ulong hash, out int id) => _ids.TryGetValue(hash, out id);

    /// <summary>The id of a term, added (no documents, no stories) when it is not in the table.</summary>
    public int GetOrAdd(ulong hash)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, hash, out var existed);
        if (!existed)
        {
            if (!_free.TryPop(out id))
            {
                if (_used == _terms.Length)
                {
                    Array.Resize(ref _terms, _terms.Length * 2);
                }

                id = _used++;
            }

            _terms[id] = new Term { Hash = hash, Entries = [] };
        }

        return id;
    }

    /// <summary>Takes a term out; its id may be given to the next new term.</summary>
    public void Remove(int id)
    {
        _ids.Remove(_terms[id].Hash);
        _terms[id] = default;
        _free.Push(id);
    }

    /// <summary>One term of the window.</summary>
    internal struct Term
    {
        public ulong Hash;

        /// <summary>Window articles using the term.</summary>
        public int Df;

        /// <summary>Open stories holding the term.</summary>
        public int Live;

        /// <summary>Story slots that used the term, oldest use first (a story may appear more than once; its latest use counts).</summary>
        public int[] Entries;

        public int EntryCount;

        public readonly Span<int> List => Entries.AsSpan(0, EntryCount);

        public void Append(int story)
        {
            if (EntryCount == Entries.Length)
            {
                Array.Resize(ref Entries, Math.Max(4, Entries.Length * 2));
            }

            Entries[EntryCount++] = story;
        }

        /// <summary>Keeps the entries from <paramref name="start"/> on, moved to the front, in their order.</summary>
        public void KeepFrom(int start)
        {
            Entries.AsSpan(start, EntryCount - start).CopyTo(Entries);
            EntryCount -= start;
        }
    }
}
