namespace Storyfold.Clustering;

/// <summary>
/// The window's terms in flat storage: each term hash gets a small integer id, and each id a document frequency, a
/// count of open stories holding it, and its list of story slots in order of use. No entry holds an object reference
/// but the lists' own int arrays, so the garbage collector, which traced millions of per-term objects and story
/// references in these lists before (a quarter of assignment time), has next to nothing to scan here.
/// </summary>
internal sealed class TermTable
{
    /// <summary>Hash to id (see <see cref="HashIds"/>).</summary>
    private readonly HashIds _ids = new();

    private Term[] _terms = new Term[1024];

    /// <summary>
    /// Document frequency by id, apart from the rest of the term: story norms read it for every term of a story, and a
    /// dense array of ints has sixteen terms to a cache line where the terms themselves have two.
    /// </summary>
    private int[] _df = new int[1024];

    /// <summary>Terms in the table.</summary>
    public int Count => _ids.Count;

    /// <summary>
    /// The term behind an id. The reference is into the table's storage: do not hold it across <see cref="GetOrAdd"/>,
    /// which may move the storage.
    /// </summary>
    public ref Term this[int id] => ref _terms[id];

    /// <summary>Window articles using the term (see <see cref="_df"/>); the same caveat as the indexer's.</summary>
    public ref int DfOf(int id) => ref _df[id];

    /// <summary>Document frequency by id, for loops over many terms (see <see cref="_df"/>); valid until the next <see cref="GetOrAdd"/>.</summary>
    public ReadOnlySpan<int> Frequencies => _df;

    public bool TryGetId(ulong hash, out int id) => _ids.TryGetId(hash, out id);

    /// <summary>The id of a term, added (no documents, no stories) when it is not in the table.</summary>
    public int GetOrAdd(ulong hash)
    {
        var id = _ids.GetOrAdd(hash, out var added);
        if (!added)
        {
            return id;
        }

        if (id >= _terms.Length)
        {
            Array.Resize(ref _terms, _terms.Length * 2);
            Array.Resize(ref _df, _terms.Length);
        }

        _terms[id] = new Term { Hash = hash, Entries = [] };
        _df[id] = 0;
        return id;
    }

    /// <summary>Takes a term out; its id may be given to the next new term.</summary>
    public void Remove(int id)
    {
        _ids.Remove(_terms[id].Hash);
        _terms[id] = default;
        _df[id] = 0;
    }

    /// <summary>One term of the window.</summary>
    internal struct Term
    {
        public ulong Hash;

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
