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
    ];

    /// <summary>The SQL for a column's Han bigrams: the function's output, or '' without calling it when there is no Han.</summary>
    private static string Han(string column) =>
        $"CASE WHEN {column} GLOB '*[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U000323AF]*' THEN {HanBigrams.SqlFunction}({column}) ELSE '' END";
}
