namespace Storyfold.Storage;

/// <summary>
/// A log of the stories whose articles changed, kept by triggers in the store itself (so every writing process keeps
/// it), from which a reader refreshes a story listing by listing only those stories again.
/// </summary>
/// <remarks>
/// Each insert, delete, story move or change of a listed column logs the story (both stories, when an article moves).
/// Marks only grow. The log keeps about the newest <see cref="Kept"/> entries; a reader whose mark is older than the
/// oldest entry lists every story again.
/// </remarks>
internal static class StoryChanges
{
    /// <summary>About how many log entries are kept; older ones are pruned in steps of <see cref="PruneEvery"/>.</summary>
    public const int Kept = 262_144;

    private const int PruneEvery = 4_096;

    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new("stories-1-story-changes",
            $"""
            CREATE TABLE story_changes (mark INTEGER PRIMARY KEY, story_id TEXT NOT NULL);
            CREATE TRIGGER story_changes_on_insert AFTER INSERT ON articles WHEN new.story_id IS NOT NULL
            BEGIN INSERT INTO story_changes (story_id) VALUES (new.story_id); END;
            CREATE TRIGGER story_changes_on_update AFTER UPDATE OF story_id, title, display_title, published, published_sort, source ON articles
            BEGIN
                INSERT INTO story_changes (story_id) SELECT old.story_id WHERE old.story_id IS NOT NULL;
                INSERT INTO story_changes (story_id) SELECT new.story_id WHERE new.story_id IS NOT NULL AND new.story_id IS NOT old.story_id;
            END;
            CREATE TRIGGER story_changes_on_delete AFTER DELETE ON articles WHEN old.story_id IS NOT NULL
            BEGIN INSERT INTO story_changes (story_id) VALUES (old.story_id); END;
            CREATE TRIGGER story_changes_pruned AFTER INSERT ON story_changes WHEN new.mark % {PruneEvery} = 0
            BEGIN DELETE FROM story_changes WHERE mark <= new.mark - {Kept}; END;
            """),
    ];
}
