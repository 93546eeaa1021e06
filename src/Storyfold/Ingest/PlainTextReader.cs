using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Storyfold.News;

namespace Storyfold.Ingest;

/// <summary>Reads a pasted article from a <c>.txt</c> file; an optional first line <c>date YYYY-MM-DD</c> gives its date.</summary>
public sealed partial class PlainTextReader : IArticleReader
{
    public bool Accepts(InputFile file) => file.HasExtension(".txt");

    public async IAsyncEnumerable<ReadItem> ReadAsync(InputFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var decoded = await TextDecoding.ReadAllAsync(file, cancellationToken);
        if (decoded.Problem is { } problem)
        {
            yield return ReadItem.Of(problem);
            yield break;
        }

        yield return Parse(file.Name, file.Id, decoded.Text!);
    }

    /// <summary>Splits off the date header, if any, and checks that its date exists.</summary>
    public static ReadItem Parse(string origin, string id, string text)
    {
        PublicationDate? published = null;
        var header = DateHeader().Match(text);
        if (header.Success)
        {
            var value = header.Groups["date"].Value;
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return ReadItem.Of(new SourceProblem(origin, 1, $"impossible date '{value}' in the date header (expected an existing YYYY-MM-DD)"));
            }

            published = PublicationDate.FromDay(day);
            text = text[header.Length..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadItem.Of(new SourceProblem(origin, null, "no article text"));
        }

        return ReadItem.Of(new ArticleInput { Id = id, Origin = origin, Text = text, Published = published });
    }

    // The header's date is matched loosely so that impossible dates (2023-02-30, 2023-13-01) are reported, not read as text.
    [GeneratedRegex(@"\A\uFEFF?[ \t]*date[ \t]+(?<date>\d{4}-\d{1,2}-\d{1,2})(?=\s|\z)[ \t]*", RegexOptions.IgnoreCase)]
    private static partial Regex DateHeader();
}
