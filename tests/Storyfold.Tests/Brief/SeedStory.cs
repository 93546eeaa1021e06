using Storyfold.Ingest;
using Storyfold.News;
using Storyfold.Text;
using Storyfold.Tests.Support;

namespace Storyfold.Tests.Brief;

/// <summary>The five seed articles read and cleaned the way ingest does it, as one story.</summary>
internal static class SeedStory
{
    public static IReadOnlyList<Article> Load()
    {
        var dir = SharedData.Require("seeds");
        return Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var id = Path.GetFileNameWithoutExtension(path);
            var item = PlainTextReader.Parse(path, id, File.ReadAllText(path));
            return new ArticleCleaner().Clean(item.Article!).Article!;
        }).ToList();
    }

    /// <summary>Articles written in a test: title, text, optional date.</summary>
    public static Article Make(string id, string title, string text, string? published = null)
    {
        var input = new ArticleInput { Id = id, Origin = id, Title = title, Text = text, Published = PublicationDate.TryParseIso(published) };
        return new ArticleCleaner().Clean(input).Article!;
    }
}
