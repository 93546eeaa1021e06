using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Storyfold.Tests.Server;

/// <summary>The web UI in a real browser against a real server on loopback.</summary>
public sealed partial class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// A navigation is awaited by polling the page's address, not by listening for the navigation event: the event can
    /// arrive before the listener is in place (seen alone and in full runs: the page was on the story, and a
    /// WaitForURL started a moment earlier still timed out after 60 s). The assertions that follow wait for content.
    /// </summary>
    private static readonly PageAssertionsToHaveURLOptions Navigated = new() { Timeout = 60000 };

    private string Url(string path) => fixture.BaseAddress + path;

    [Fact]
    public async Task Front_page_lists_stories_and_the_keyboard_opens_one()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/"));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Latest stories" })).ToBeVisibleAsync();
        var cards = page.Locator(".story-card");
        Assert.True(await cards.CountAsync() >= 3);
        await Expect(cards.Filter(new() { HasText = "Apple harvest starts early" })).ToHaveCountAsync(1);
        Assert.True(await page.Locator(".story-card svg.sparkline").CountAsync() >= 3);
        await BrowserFixture.ScreenshotAsync(page, "front-page");

        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await Expect(cards.Nth(1)).ToHaveClassAsync(new Regex("is-current"));
        var headline = await cards.Nth(1).Locator("h2").InnerTextAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/stories/"), Navigated);
        await Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
        Assert.False(string.IsNullOrWhiteSpace(headline));
    }

    [Fact]
    public async Task Story_page_shows_the_brief_and_a_citation_leads_to_its_article()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/stories/bridge-herald"));

        await Expect(page.Locator("h1")).ToContainTextAsync(new Regex("bridge|piers|cracks", RegexOptions.IgnoreCase));
        foreach (var section in new[] { "Summary", "Timeline", "What the sources say", "Coverage by source", "Articles" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.Locator("svg.coverage")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "story-page");

        await page.Locator(".summary a.cite").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/articles/bridge-(herald|gazette)$"), Navigated);
        await Expect(page.Locator(".article-body")).ToContainTextAsync("piers");
        await page.GotoAsync(Url("/articles/bridge-herald"));
        await Expect(page.Locator("a.original-link")).ToHaveAttributeAsync("href", "https://herald.example/bridge");
        await BrowserFixture.ScreenshotAsync(page, "article-page");
    }

    [Fact]
    public async Task Search_from_the_keyboard_highlights_matches_and_filters_by_source()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/"));

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#site-search")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("cracks");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/search\\?q=cracks"), Navigated);
        await Expect(page.Locator(".matches > li")).ToHaveCountAsync(2);
        await Expect(page.Locator(".snippet mark").First).ToHaveTextAsync(new Regex("^cracks$", RegexOptions.IgnoreCase));
        await BrowserFixture.ScreenshotAsync(page, "search-page");

        await page.GetByLabel("Source").FillAsync("Valley Gazette");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        await Expect(page.Locator(".matches > li")).ToHaveCountAsync(1);
        await Expect(page.Locator(".matches > li")).ToContainTextAsync("Cracked piers shut Old River bridge");

        await page.GetByLabel("Words or \"a phrase\"").FillAsync("\"unclosed phrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("never closed");
    }

    [Fact]
    public async Task An_article_added_through_the_form_appears_in_its_story()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/add"));

        await page.GetByLabel("Headline").FillAsync("Ferry to replace the closed Old River bridge");
        await page.GetByLabel("Source").FillAsync("Harbour Post");
        await page.GetByLabel("Published").FillAsync("2024-03-06");
        await page.GetByLabel("Text").FillAsync(
            "A temporary ferry will carry commuters across the river while the cracked Old River bridge is repaired, the council said.\n\nThe ferry runs every twenty minutes.");
        await page.GetByLabel("API key").FillAsync(BrowserFixture.ApiKey);
        await BrowserFixture.ScreenshotAsync(page, "add-page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add article" }).ClickAsync();

        await Expect(page.Locator("#add-status")).ToContainTextAsync("Added 1 article");
        await page.Locator("a.added-story").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/stories/"), Navigated);
        await Expect(page.Locator(".article-list")).ToContainTextAsync("Ferry to replace the closed Old River bridge");
        await Expect(page.Locator(".article-list")).ToContainTextAsync("Harbour Post");
    }

    [Fact]
    public async Task A_wrong_key_is_reported_in_the_form()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/add"));

        await page.GetByLabel("Headline").FillAsync("Should not be stored");
        await page.GetByLabel("Text").FillAsync("This article is posted with the wrong key and must be refused by the server.");
        await page.GetByLabel("API key").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add article" }).ClickAsync();

        await Expect(page.Locator("#add-status")).ToContainTextAsync("Unauthorized");
    }

    [Fact]
    public async Task The_seed_story_shows_its_brief_in_light_dark_and_narrow_layouts()
    {
        if (!fixture.HasSeeds)
        {
            Storyfold.Tests.Support.SharedData.Require("seeds");
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(Url("/search?q=Lukashenko"));
        await page.Locator(".result-title a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stories/"), Navigated);

        await Expect(page.Locator("h1")).ToContainTextAsync(new Regex("Lukashenko|Belarus|China", RegexOptions.IgnoreCase));
        Assert.True(await page.Locator(".summary p").CountAsync() >= 1);
        Assert.True(await page.Locator(".summary a.cite").CountAsync() >= 1);
        await BrowserFixture.ScreenshotAsync(page, "seed-story");

        var dark = await fixture.NewPageAsync(new() { ColorScheme = ColorScheme.Dark, ViewportSize = new() { Width = 1280, Height = 900 } });
        await dark.GotoAsync(page.Url);
        var background = await dark.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(20, 20, 18)", background);
        await BrowserFixture.ScreenshotAsync(dark, "seed-story-dark");

        var phone = await fixture.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        await phone.GotoAsync(Url("/"));
        var overflow = await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow);
        await BrowserFixture.ScreenshotAsync(phone, "front-page-phone");
    }
}
