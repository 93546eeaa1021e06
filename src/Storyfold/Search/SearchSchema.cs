using Storyfold.Storage;

namespace Storyfold.Search;

/// <summary>The full-text index: an FTS5 table over the articles' title, text and source, kept in step by triggers.</summary>
public static class SearchSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        // External content: the index stores no second copy of the text; triggers keep it in step with every write,
        // whoever writes, and 'rebuild' indexes what a store held before this migration.
        new("search-1-articles-fts",
            """
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                display_title, text, source,
                content = 'articles', content_rowid = 'seq',
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_fts_on_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts (rowid, display_title, text, source) VALUES (new.seq, new.display_title, new.text, new.source);
            END;
            CREATE TRIGGER articles_fts_on_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, display_title, text, source)
                VALUES ('delete', old.seq, old.display_title, old.text, old.source);
            END;
            CREATE TRIGGER articles_fts_on_update AFTER UPDATE OF display_title, text, source ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, display_title, text, source)
                VALUES ('delete', old.seq, old.display_title, old.text, old.source);
                INSERT INTO articles_fts (rowid, display_title, text, source) VALUES (new.seq, new.display_title, new.text, new.source);
            END;
            INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')
            """),

        // Chinese: two more columns hold each Han run as character bigrams (see HanBigrams), made by a function the
        // store registers on its connections. The content comes from a view so 'rebuild' and snippets see the same
        // columns the triggers wrote; text without Han characters never calls the function (GLOB decides in SQLite),
        // so other programs can still write non-Chinese articles to the file.
        new("search-2-han-bigrams",
            $"""
            DROP TRIGGER articles_fts_on_insert;
            DROP TRIGGER articles_fts_on_delete;
            DROP TRIGGER articles_fts_on_update;
            DROP TABLE articles_fts;
            CREATE VIEW articles_fts_content AS
                SELECT seq, display_title, text, source, {Han("display_title")} AS han_title, {Han("text")} AS han_text FROM articles;
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                display_title, text, source, han_title, han_text,
                content = 'articles_fts_content', content_rowid = 'seq',
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_fts_on_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts (rowid, display_title, text, source, han_title, han_text)
                VALUES (new.seq, new.display_title, new.text, new.source, {Han("new.display_title")}, {Han("new.text")});
            END;
            CREATE TRIGGER articles_fts_on_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, display_title, text, source, han_title, han_text)
                VALUES ('delete', old.seq, old.display_title, old.text, old.source, {Han("old.display_title")}, {Han("old.text")});
            END;
            CREATE TRIGGER articles_fts_on_update AFTER UPDATE OF display_title, text, source ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, display_title, text, source, han_title, han_text)
                VALUES ('delete', old.seq, old.display_title, old.text, old.source, {Han("old.display_title")}, {Han("old.text")});
                INSERT INTO articles_fts (rowid, display_title, text, source, han_title, han_text)
                VALUES (new.seq, new.display_title, new.text, new.source, {Han("new.display_title")}, {Han("new.text")});
            END;
            INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')
            """),

        // The GLOB that spared non-Chinese text the function call scanned every title and text character by character,
        // and cost more than a third of each insert. The store now writes each article's bigrams itself, computed in
        // .NET (HanBigrams.ForIndex), into two columns of its own, so the triggers and the content view only copy columns.
        // The index keeps exactly what it held: stored rows get the same bigrams the function gave them. A program other
        // than Storyfold that writes an article leaves the columns empty: its Chinese text is then found only by
        // whole runs of Han characters, as FTS5 tokenizes them.
        new("search-3-stored-han-columns",
            $"""
            DROP TRIGGER articles_fts_on_insert;
            DROP TRIGGER articles_fts_on_delete;
            DROP TRIGGER articles_fts_on_update;
            DROP VIEW articles_fts_content;
            ALTER TABLE articles ADD COLUMN han_title TEXT NOT NULL DEFAULT '';
            ALTER TABLE articles ADD COLUMN han_text TEXT NOT NULL DEFAULT '';
            UPDATE articles SET han_title = {Han("display_title")}, han_text = {Han("text")}
                WHERE {HasHan("display_title")} OR {HasHan("text")};
            CREATE VIEW articles_fts_content AS SELECT seq, display_title, text, source, han_title, han_text FROM articles;
            CREATE TRIGGER articles_fts_on_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts (rowid, display_title, text, source, han_title, han_text)
                VALUES (new.seq, new.display_title, new.text, new.source, new.han_title, new.han_text);
            END;
            CREATE TRIGGER articles_fts_on_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, display_title, text, source, han_title, han_text)
                VALUES ('delete', old.seq, old.display_title, old.text, old.source, old.han_title, old.han_text);
            END;
            CREATE TRIGGER articles_fts_on_update AFTER UPDATE OF display_title, text, source, han_title, han_text ON articles BEGIN
                INSERT INTO articles_fts (articles_fts, rowid, display_title, text, source, han_title, han_text)
                VALUES ('delete', old.seq, old.display_title, old.text, old.source, old.han_title, old.han_text);
                INSERT INTO articles_fts (rowid, display_title, text, source, han_title, han_text)
                VALUES (new.seq, new.display_title, new.text, new.source, new.han_title, new.han_text);
            END
            """),

        // A log of the articles each write touches (any column, any process), from which the server's in-memory search
        // index (MemorySearchIndex) catches up: it reads the logged rows again and re-indexes those whose text changed.
        // The newest entries are kept; an index that falls further behind than the log reaches reads the store anew.
        new("search-4-article-changes",
            $"""
            CREATE TABLE article_changes (mark INTEGER PRIMARY KEY, seq INTEGER NOT NULL);
            CREATE TRIGGER article_changes_on_insert AFTER INSERT ON articles
            BEGIN INSERT INTO article_changes (seq) VALUES (new.seq); END;
            CREATE TRIGGER article_changes_on_update AFTER UPDATE ON articles
            BEGIN
                INSERT INTO article_changes (seq) VALUES (new.seq);
                INSERT INTO article_changes (seq) SELECT old.seq WHERE old.seq <> new.seq;
            END;
            CREATE TRIGGER article_changes_on_delete AFTER DELETE ON articles
            BEGIN INSERT INTO article_changes (seq) VALUES (old.seq); END;
            CREATE TRIGGER article_changes_pruned AFTER INSERT ON article_changes WHEN new.mark % {ArticleChangesPruneEvery} = 0
            BEGIN DELETE FROM article_changes WHERE mark <= new.mark - {ArticleChangesKept}; END;
            """),
    ];

    /// <summary>About how many article change entries are kept; older ones are pruned in steps.</summary>
    internal const int ArticleChangesKept = 262_144;

    private const int ArticleChangesPruneEvery = 4_096;

    /// <summary>The SQL for a column's Han bigrams: the function's output, or '' without calling it when there is no Han.</summary>
    private static string Han(string column) => $"CASE WHEN {HasHan(column)} THEN {HanBigrams.SqlFunction}({column}) ELSE '' END";

    /// <summary>The SQL that tells whether a column holds a Han character (as <see cref="HanBigrams.HasHan"/> does).</summary>
    private static string HasHan(string column) =>
        $"{column} GLOB '*[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]*'";
}
