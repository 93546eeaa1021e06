using System.CommandLine;
using Storyfold.Extraction;
using Storyfold.Ingest;
using Storyfold.News;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold extract PATH... [--jsonl]</c>: the article in each web page, on all cores, in input order.</summary>
public sealed class ExtractCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "HTML pages (.html, .htm, optionally .gz), directories (recursive) or - for stdin", Arity = ArgumentArity.OneOrMore };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object a page: id, title, author, published, language, site, text" };
        var threads = new Option<int?>("--threads") { Description = "Pages extracted at once (default: all cores)" };
        var explain = new Option<bool>("--explain") { Description = "Print how each page's content was chosen (elements and blocks with their scores) to stderr", Hidden = true };
        var command = new Command("extract", "Extract the article (text, title, author, date, language, site) from web pages") { paths, jsonl, threads, explain };
        command.SetAction((parse, cancellationToken) =>
        {
            var (files, problems) = CollectPages(parse.GetValue(paths)!, console.OpenStdin);
            foreach (var problem in problems)
            {
                console.Fail(problem.ToString());
            }

            var extractor = new PageExtractor();
            var failed = problems.Count;
            var succeeded = 0;
            var degree = Math.Max(1, parse.GetValue(threads) ?? Environment.ProcessorCount);
            var results = files
                .AsParallel()
                .AsOrdered()
                .WithDegreeOfParallelism(degree)
                .WithCancellation(cancellationToken)
                .Select(file => (File: file, Result: ExtractFile(extractor, file, parse.GetValue(explain) ? console.Error : null)));
            foreach (var (file, result) in results)
            {
                if (result.Page is not { } page)
                {
                    failed++;
                    console.Fail($"{file.Name}: {result.Problem}");
                    continue;
                }

                succeeded++;
                if (parse.GetValue(jsonl))
                {
                    CliJson.WriteLine(console.Out, ExtractedLine.Of(file.Id, page));
                }
                else
                {
                    WriteReadable(console.Out, file.Id, page);
                }
            }

            var code = failed == 0 ? ExitCodes.Success : succeeded > 0 ? ExitCodes.Partial : ExitCodes.Failure;
            return Task.FromResult(code);
        });
        return command;
    }

    /// <summary>Decodes and extracts one file, as ingest does; any failure is the file's own one-line problem.</summary>
    public static ExtractionResult ExtractFile(PageExtractor extractor, InputFile file, TextWriter? explainTo = null)
    {
        var (html, problem) = HtmlReader.Load(file);
        if (html is null)
        {
            return ExtractionResult.Fail(problem!.Message);
        }

        if (explainTo is null)
        {
            return extractor.Extract(html);
        }

        var lines = new List<string>();
        var result = extractor.Extract(html, null, lines);
        lock (explainTo)
        {
            explainTo.WriteLine($"== {file.Name}");
            foreach (var line in lines)
            {
                explainTo.WriteLine(line);
            }
        }

        return result;
    }

    /// <summary>Files named on the command line are read whatever their name; directories give their HTML pages.</summary>
    public static (IReadOnlyList<InputFile> Files, IReadOnlyList<SourceProblem> Problems) CollectPages(IEnumerable<string> paths, Func<Stream> openStdin)
    {
        var files = new List<InputFile>();
        var problems = new List<SourceProblem>();
        foreach (var path in paths)
        {
            var (found, foundProblems) = InputCollector.Collect([path], openStdin);
            problems.AddRange(foundProblems);
            files.AddRange(Directory.Exists(path) ? found.Where(HtmlReader.IsHtml) : found);
        }

        return (files, problems);
    }

    private static void WriteReadable(TextWriter output, string id, ExtractedPage page)
    {
        output.WriteLine($"== {id}: {page.Title}");
        var facts = new[] { page.Author, page.Published?.ToIso(), page.SiteName, page.Language }.Where(f => !string.IsNullOrEmpty(f));
        output.WriteLine(string.Join(" · ", facts));
        output.WriteLine();
        output.WriteLine(page.Text);
        output.WriteLine();
    }
}

/// <summary>One line of <c>extract --jsonl</c>, in the contract's shape (with the page's url and captions as extras).</summary>
public sealed record ExtractedLine(
    string Id, string Title, string? Author, string? Published, string? Language, string? Site, string Text, string? Url, IReadOnlyList<string> Captions)
{
    public static ExtractedLine Of(string id, ExtractedPage page) =>
        new(id, page.Title, page.Author, page.Published?.ToIso(), page.Language, page.SiteName, page.Text, page.Url, page.Captions);
}
