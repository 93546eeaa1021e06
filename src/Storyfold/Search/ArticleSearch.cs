using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Storyfold.News;
using Storyfold.Storage;

namespace Storyfold.Search;

/// <summary>What to search for and where: the parsed query, filters, and which page of stories.</summary>
public sealed record SearchRequest(SearchQuery Query)
{
    public string? Source { get; init; }

    public string? Language { get; init; }

    /// <summary>First day included (publication date).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day included (publication date).</summary>
    public DateOnly? To { get; init; }

    /// <summary>How many stories a page holds.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>How many stories to skip (the page's start).</summary>
    public int Offset { get; init; }
}

/// <summary>A piece of a snippet: text, and whether it matched the query.</summary>
public readonly record struct SnippetPart(string Text, bool Matched);

/// <summary>One matching article, with a snippet around its best match.</summary>
public sealed record ArticleHit(
    string ArticleId, string StoryId, string Title, string? Source, string? Language, PublicationDate? Published,
    IReadOnlyList<SnippetPart> Snippet, double Score)
{
    public string SnippetText => string.Concat(Snippet.Select(p => p.Text));
}

/// <summary>A story with articles that match, best match first.</summary>
public sealed record StoryHit(string StoryId, string Headline, int StoryArticles, IReadOnlyList<ArticleHit> Articles);

/// <summary>A page of search results grouped by story, with the number of matching articles in all.</summary>
public sealed record SearchResults(SearchRequest Request, int MatchingArticles, IReadOnlyList<StoryHit> Stories, bool HasMore);

/// <summary>Searches articles by relevance and groups the matches by story.</summary>
public interface IArticleSearch
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}

/// <summary>Full-text search over a SQLite store's FTS5 index, ranked by bm25 with titles weighted above body text.</summary>
public sealed class SqliteArticleSearch(SqliteArticleStore store) : IArticleSearch
{
    /// <summary>Matches read before grouping: enough to fill many pages of stories, few enough to stay fast.</summary>
    private const int MatchWindow = 1000;

    private const char MatchStart = '\u0002';
    private const char MatchEnd = '\u0003';

    private const string Filters =
        """
          AND ($source IS NULL OR a.source = $source COLLATE NOCASE)
          AND ($language IS NULL OR a.language = $language COLLATE NOCASE)
          AND ($from IS NULL OR a.published_sort >= $from)
          AND ($to IS NULL OR a.published_sort < $to)
        """;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await using var connection = store.OpenConnection();
        var hits = new List<ArticleHit>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"""
                SELECT a.id, COALESCE(a.story_id, a.id), a.display_title, a.source, a.language, a.published,
                       snippet(articles_fts, 1, char(2), char(3), '…', 28), bm25(articles_fts, 4.0, 1.0, 2.0) AS score
                FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
                WHERE articles_fts MATCH $query
                {Filters}
                ORDER BY score LIMIT $limit
                """;
            AddParameters(command, request);
            command.Parameters.AddWithValue("$limit", MatchWindow);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new ArticleHit(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    PublicationDate.TryParseIso(reader.IsDBNull(5) ? null : reader.GetString(5)),
                    SplitSnippet(reader.IsDBNull(6) ? "" : reader.GetString(6)), -reader.GetDouble(7)));
            }
        }

        var total = hits.Count;
        if (hits.Count == MatchWindow)
        {
            await using var count = connection.CreateCommand();
            count.CommandText =
                $"SELECT COUNT(*) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH $query {Filters}";
            AddParameters(count, request);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        // Stories in the order of their best match; each keeps its three best articles.
        var grouped = hits.GroupBy(h => h.StoryId, StringComparer.Ordinal).ToList();
        var page = grouped.Skip(request.Offset).Take(request.Limit).ToList();
        var stories = new List<StoryHit>(page.Count);
        await using (var headline = connection.CreateCommand())
        {
            headline.CommandText =
                """
                SELECT (SELECT display_title FROM articles WHERE story_id = $story
                        ORDER BY published_sort IS NULL, published_sort, seq LIMIT 1),
                       (SELECT COUNT(*) FROM articles WHERE story_id = $story)
                """;
            var story = headline.Parameters.Add("$story", SqliteType.Text);
            foreach (var group in page)
            {
                story.Value = group.Key;
                await using var reader = await headline.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                var first = group.First();
                stories.Add(new StoryHit(
                    group.Key,
                    reader.IsDBNull(0) ? first.Title : reader.GetString(0),
                    reader.GetInt32(1) == 0 ? group.Count() : reader.GetInt32(1),
                    group.Take(3).ToList()));
            }
        }

        return new SearchResults(request, total, stories, grouped.Count > request.Offset + request.Limit);
    }

    private static void AddParameters(SqliteCommand command, SearchRequest request)
    {
        command.Parameters.AddWithValue("$query", request.Query.Fts);
        command.Parameters.AddWithValue("$source", (object?)Blank(request.Source) ?? DBNull.Value);
        command.Parameters.AddWithValue("$language", (object?)Blank(request.Language) ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", (object?)request.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)request.To?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? DBNull.Value);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static IReadOnlyList<SnippetPart> SplitSnippet(string snippet)
    {
        var parts = new List<SnippetPart>();
        var current = new StringBuilder();
        var matched = false;
        foreach (var c in snippet)
        {
            if (c is MatchStart or MatchEnd)
            {
                if (current.Length > 0)
                {
                    parts.Add(new SnippetPart(current.ToString(), matched));
                    current.Clear();
                }

                matched = c == MatchStart;
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            parts.Add(new SnippetPart(current.ToString(), matched));
        }

        return parts;
    }
}
