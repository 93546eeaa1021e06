using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Storyfold.Ingest;
using Storyfold.Storage;

namespace Storyfold.Tests.Support;

/// <summary>A real SQLite store in a temp folder, filled through the real ingest pipeline.</summary>
public static class TestStore
{
    /// <summary>Three small articles by us: two about a bridge closure from different outlets, one about a harvest.</summary>
    public const string SmallNewsJsonl =
        """
        {"id":"bridge-herald","title":"River bridge closes for repairs after cracks found","published":"2024-03-04","source":"City Herald","language":"en","url":"https://herald.example/bridge","text":"The Old River bridge will close for six weeks after engineers found cracks in two supporting piers, the city council said on Monday.\n\nCommuters are advised to use the northern ring road while repairs continue."}
        {"id":"bridge-gazette","title":"Cracked piers shut Old River bridge","published":"2024-03-05","source":"Valley Gazette","language":"en","text":"Engineers discovered cracks in the piers of the Old River bridge, and the council closed it to traffic for about two months.\n\nThe mayor said the repairs would cost the city four million euros."}
        {"id":"harvest-times","title":"Apple harvest starts early after warm spring","published":"2024-08-20","source":"Farm Times","language":"en","text":"Growers in the valley began picking apples two weeks earlier than usual, helped by a warm spring and steady rain.\n\nPrices are expected to stay stable."}
        """;

    public static async Task<string> CreateAsync(TempDirectory temp, string jsonl)
    {
        var path = temp.File("store.db");
        await using var store = SqliteArticleStore.Open(path);
        await IngestAsync(store, jsonl);
        return path;
    }

    /// <summary>Runs SQL on the store's file through a plain connection, as the sqlite3 shell or another program would.</summary>
    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<IngestReport> IngestAsync(IArticleStore store, string jsonl)
    {
        var bytes = Encoding.UTF8.GetBytes(jsonl);
        var input = new InputFile("fixture.jsonl", "fixture", () => new MemoryStream(bytes)) { Extensions = [".jsonl"] };
        return await IngestPipeline.Create(store, NullLoggerFactory.Instance).IngestAsync([input], null, TestContext.Current.CancellationToken);
    }
}
