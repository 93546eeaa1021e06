namespace Storyfold.Storage;

/// <summary>Tables of story clustering: where merged-away story ids point.</summary>
internal static class ClusteringSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("clustering-1-story-aliases",
            """
            CREATE TABLE story_aliases (
                alias TEXT PRIMARY KEY,
                story_id TEXT NOT NULL,
                merged_at TEXT NOT NULL
            );
            CREATE INDEX story_aliases_story ON story_aliases(story_id);
            """),
    ];
}
