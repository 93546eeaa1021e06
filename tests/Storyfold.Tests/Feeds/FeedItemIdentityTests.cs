using Storyfold.Feeds;

namespace Storyfold.Tests.Feeds;

public sealed class FeedItemIdentityTests
{
    [Theory]
    [InlineData("https://News.Example.com:443/a/b?utm_source=rss&id=5&utm_campaign=x#comments", "https://news.example.com/a/b?id=5")]
    [InlineData("http://example.com:80/story?fbclid=abc", "http://example.com/story")]
    [InlineData("https://example.com:8443/story?gclid=1&page=2", "https://example.com:8443/story?page=2")]
    [InlineData("https://EXAMPLE.com", "https://example.com/")]
    public void Canonical_urls_drop_tracking_fragments_case_and_default_ports(string url, string canonical) =>
        Assert.Equal(canonical, UrlCanonicalizer.Canonicalize(url));

    [Theory]
    [InlineData("not a url")]
    [InlineData("mailto:desk@example.com")]
    [InlineData("")]
    public void Non_web_addresses_have_no_canonical_form(string url) => Assert.Null(UrlCanonicalizer.Canonicalize(url));

    [Fact]
    public void Guid_comes_first_then_canonical_url()
    {
        var item = new FeedItem { Guid = "urn:uuid:6f1c8b4e-1a2b-4c3d-8e9f-001122334455", Link = "https://x.example/a?utm_medium=rss" };
        var identity = FeedItemIdentity.Of(item, "https://x.example/feed");

        Assert.Equal(["guid:urn:uuid:6f1c8b4e-1a2b-4c3d-8e9f-001122334455", "url:https://x.example/a"], identity.Keys);
        Assert.StartsWith("x.example-", identity.ArticleId, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_guids_are_scoped_to_their_feed()
    {
        var a = FeedItemIdentity.Of(new FeedItem { Guid = "42" }, "https://a.example/feed");
        var b = FeedItemIdentity.Of(new FeedItem { Guid = "42" }, "https://b.example/feed");

        Assert.NotEqual(a.Keys[0], b.Keys[0]);
    }

    [Fact]
    public void Without_guid_or_link_the_content_hash_identifies_the_item()
    {
        var a = FeedItemIdentity.Of(new FeedItem { Title = "T", ContentText = "Body" }, null);
        var b = FeedItemIdentity.Of(new FeedItem { Title = "T", ContentText = "Body" }, null);
        var c = FeedItemIdentity.Of(new FeedItem { Title = "T", ContentText = "Other body" }, null);

        Assert.StartsWith("hash:", a.Keys.Single(), StringComparison.Ordinal);
        Assert.Equal(a.ArticleId, b.ArticleId);
        Assert.NotEqual(a.ArticleId, c.ArticleId);
    }

    [Fact]
    public void A_permalink_guid_is_the_canonical_url()
    {
        var permalink = FeedItemIdentity.Of(new FeedItem { Guid = "https://x.example/a?utm_source=tw", GuidIsPermaLink = true }, null);
        var linked = FeedItemIdentity.Of(new FeedItem { Link = "https://x.example/a" }, null);

        Assert.Equal(linked.ArticleId, permalink.ArticleId);
    }

    [Fact]
    public void An_edit_changes_the_fingerprint_but_not_the_identity()
    {
        var before = FeedItemIdentity.Of(new FeedItem { Guid = "story-123456789abc", Title = "Old", ContentHtml = "<p>a</p>" }, null);
        var after = FeedItemIdentity.Of(new FeedItem { Guid = "story-123456789abc", Title = "New", ContentHtml = "<p>a</p>" }, null);

        Assert.Equal(before.ArticleId, after.ArticleId);
        Assert.NotEqual(before.Fingerprint, after.Fingerprint);
    }
}
