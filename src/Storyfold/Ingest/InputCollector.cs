using Storyfold.News;

namespace Storyfold.Ingest;

/// <summary>Expands the paths a user gives (files, directories, <c>-</c>) into inputs, in a stable order.</summary>
public static class InputCollector
{
    public static (IReadOnlyList<InputFile> Files, IReadOnlyList<SourceProblem> Problems) Collect(
        IEnumerable<string> paths, Func<Stream> openStdin)
    {
        var files = new List<InputFile>();
        var problems = new List<SourceProblem>();
        foreach (var path in paths)
        {
            if (path == InputFile.StdinName)
            {
                files.Add(new InputFile(InputFile.StdinName, "stdin", openStdin));
            }
            else if (Directory.Exists(path))
            {
                try
                {
                    var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions
                        {
                            RecurseSubdirectories = true,
                            IgnoreInaccessible = false,
                            AttributesToSkip = System.IO.FileAttributes.Hidden,
                        })
                        .Order(StringComparer.Ordinal)
                        .Select(InputFile.FromPath);
                    files.AddRange(found);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new SourceProblem(path, null, $"cannot read directory: {e.Message}"));
                }
            }
            else if (File.Exists(path))
            {
                files.Add(InputFile.FromPath(path));
            }
            else
            {
                problems.Add(new SourceProblem(path, null, "no such file or directory"));
            }
        }

        return (files, problems);
    }
}
