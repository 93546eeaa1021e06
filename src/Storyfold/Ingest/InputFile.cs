namespace Storyfold.Ingest;

/// <summary>One input to read: a file on disk or standard input.</summary>
/// <param name="Name">How errors name it: the path as given, or <c>-</c> for stdin.</param>
/// <param name="Id">The article id a single-article format gets: the file name without extensions.</param>
public sealed record InputFile(string Name, string Id, Func<Stream> Open)
{
    public const string StdinName = "-";

    /// <summary>Extensions in lower case, outermost last: <c>page.html.gz</c> gives <c>.html</c>, <c>.gz</c>.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    public static InputFile FromPath(string path)
    {
        var fileName = Path.GetFileName(path);
        var extensions = new List<string>();
        var stem = fileName;
        while (true)
        {
            var ext = Path.GetExtension(stem);
            if (ext.Length is < 2 or > 8 || ext.Skip(1).Any(c => !char.IsAsciiLetterOrDigit(c)))
            {
                break;
            }

            extensions.Insert(0, ext.ToLowerInvariant());
            stem = stem[..^ext.Length];
        }

        return new InputFile(path, stem, () => File.OpenRead(path)) { Extensions = extensions };
    }

    /// <summary>True when the name ends with the given extension, ignoring a trailing <c>.gz</c>.</summary>
    public bool HasExtension(string extension)
    {
        var list = Extensions;
        if (list.Count > 0 && list[^1] == ".gz")
        {
            list = list.Take(list.Count - 1).ToList();
        }

        return list.Count > 0 && list[^1] == extension;
    }

    public bool IsGzip => Extensions.Count > 0 && Extensions[^1] == ".gz";
}
