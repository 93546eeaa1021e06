using System.Text;
using Storyfold.Cli.Commands;

namespace Storyfold.Tests.Cli;

/// <summary>The damage <c>bench extract --damage</c> does to pages: each kind as named, and the same again from the same seed.</summary>
public sealed class PageDamageTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<html><head><title>Harbour wall gives way</title></head><body><article><h1>Harbour wall gives way</h1>" +
        string.Concat(Enumerable.Range(1, 400).Select(i => $"<p>Paragraph {i} of the story about the harbour wall at Marrowby.</p>")) +
        "</article></body></html>");

    [Fact]
    public void Cuts_a_page_short_or_starts_it_late_with_the_bytes_left_as_they_were()
    {
        var damage = new PageDamage(3);
        for (var i = 0; i < 50; i++)
        {
            var cut = damage.Apply(Page, DamageKind.CutShort);
            Assert.True(cut.Length < Page.Length);
            Assert.True(Page.AsSpan().StartsWith(cut));

            var late = damage.Apply(Page, DamageKind.StartsLate);
            Assert.NotEmpty(late);
            Assert.True(Page.AsSpan().EndsWith(late));
        }
    }

    [Fact]
    public void Overwrites_about_one_byte_in_a_thousand_and_keeps_the_length()
    {
        var overwritten = new PageDamage(5).Apply(Page, DamageKind.BytesOverwritten);

        Assert.Equal(Page.Length, overwritten.Length);
        var changed = Page.Zip(overwritten).Count(pair => pair.First != pair.Second);
        Assert.InRange(changed, 1, Page.Length / 1000);
    }

    [Fact]
    public void Removes_or_repeats_a_run_of_the_page_and_keeps_what_is_around_it()
    {
        var damage = new PageDamage(7);
        for (var i = 0; i < 50; i++)
        {
            var removed = damage.Apply(Page, DamageKind.ChunkRemoved);
            Assert.True(removed.Length < Page.Length);
            var head = CommonPrefix(Page, removed);
            var tail = CommonSuffix(Page, removed);
            Assert.True(head + tail >= removed.Length, "only one run is missing");

            var repeated = damage.Apply(Page, DamageKind.ChunkRepeated);
            Assert.True(repeated.Length > Page.Length);
            Assert.True(repeated.AsSpan().StartsWith(Page.AsSpan(0, CommonPrefix(Page, repeated))));
            Assert.True(repeated.AsSpan().EndsWith(Page.AsSpan(Page.Length - CommonSuffix(Page, repeated))));
            Assert.True(repeated.Length - Page.Length <= 20 * 20_000);
        }
    }

    [Fact]
    public void Puts_fifty_pieces_of_stray_markup_into_the_page_and_drops_none_of_it()
    {
        var marked = new PageDamage(11).Apply(Page, DamageKind.StrayMarkup);

        Assert.True(marked.Length >= Page.Length + 50);
        // Every byte of the page is still there, in order: the damage only adds.
        var kept = 0;
        foreach (var b in marked)
        {
            if (kept < Page.Length && b == Page[kept])
            {
                kept++;
            }
        }

        Assert.Equal(Page.Length, kept);
    }

    [Fact]
    public void Damages_the_same_pages_the_same_way_from_the_same_seed_and_otherwise_from_another()
    {
        static List<(DamageKind Kind, byte[] Page)> Run(int seed)
        {
            var damage = new PageDamage(seed);
            return [.. Enumerable.Range(0, 30).Select(_ => damage.Apply(Page))];
        }

        var first = Run(42);
        var again = Run(42);
        var other = Run(43);

        Assert.All(first.Zip(again), pair => Assert.True(pair.First.Kind == pair.Second.Kind && pair.First.Page.SequenceEqual(pair.Second.Page)));
        Assert.Contains(first.Zip(other), pair => !pair.First.Page.SequenceEqual(pair.Second.Page));
        Assert.Equal(Enum.GetValues<DamageKind>().Length, first.Select(run => run.Kind).Distinct().Count());
    }

    [Fact]
    public void Leaves_an_empty_page_empty()
    {
        foreach (var kind in Enum.GetValues<DamageKind>())
        {
            Assert.Empty(new PageDamage(1).Apply([], kind));
        }
    }

    private static int CommonPrefix(byte[] a, byte[] b) => a.AsSpan().CommonPrefixLength(b);

    private static int CommonSuffix(byte[] a, byte[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
