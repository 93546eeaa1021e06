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
    ];
}
