using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyfold.Brief;
using Storyfold.Evaluation;

namespace Storyfold.Cli.Commands;

/// <summary><c>storyfold eval summaries FILE.jsonl</c>: ROUGE of Storyfold's summaries and of the classic baselines, side by side.</summary>
public sealed class EvalSummariesCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "JSON Lines cases with reference_summary (e.g. ../shared/data/summaries/neus-val.jsonl)" };
        var words = new Option<int>("--words") { Description = "Summary length in words", DefaultValueFactory = _ => 60 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var corpusFile = new Option<string?>("--articles")
        {
            Description = "JSON Lines articles (id, title, text, published) for cases that name theirs by id, e.g. mmds-dev-silver.jsonl with ../shared/data/clustering/mmds-dev.jsonl",
        };
        var command = new Command("summaries", "ROUGE-1/2/L F1 of Storyfold's summaries against references, with lead-3, centroid and LexRank baselines") { file, words, json, corpusFile };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var budget = parse.GetValue(words);
            if (budget < 10)
            {
                console.Fail("--words: must be at least 10");
                return ExitCodes.Usage;
            }

            IReadOnlyDictionary<string, CorpusArticle>? corpus = null;
            if (parse.GetValue(corpusFile) is { } corpusPath)
            {
                try
                {
                    corpus = await SummaryCaseReader.ReadCorpusAsync(corpusPath, cancellationToken);
                }
                catch (IOException e)
                {
                    console.Fail($"{corpusPath}: {e.Message}");
                    return ExitCodes.Failure;
                }
            }

            var builder = new StoryBriefBuilder();
            var systems = new Dictionary<string, Func<SummaryCase, string>>
            {
                ["storyfold"] = c => string.Join(' ', builder.Summarize(c.Articles, budget).Summary.Select(s => s.Text)),
                ["lead-3"] = c => SummaryBaselines.Lead3(c.Articles),
                ["centroid"] = c => SummaryBaselines.Centroid(c.Articles, budget),
                ["lexrank"] = c => SummaryBaselines.LexRank(c.Articles, budget),
            };
            var totals = systems.Keys.ToDictionary(k => k, _ => new double[4]);
            var cases = 0;
            var rejected = 0;
            try
            {
                await foreach (var (line, number) in SummaryCases.ReadLinesAsync(path, console, cancellationToken))
                {
                    var parsed = SummaryCaseReader.Parse(line, path, number, corpus);
                    if (parsed.Case is not { ReferenceSummary: { Length: > 0 } reference } story)
                    {
                        console.Fail($"{path}:{number}: {parsed.Problem ?? "missing \"reference_summary\""}");
                        rejected++;
                        continue;
                    }

                    cases++;
                    foreach (var (name, summarize) in systems)
                    {
                        var summary = summarize(story);
                        var score = Rouge.Score(summary, reference);
                        var t = totals[name];
                        t[0] += score.Rouge1.F1;
                        t[1] += score.Rouge2.F1;
                        t[2] += score.RougeL.F1;
                        t[3] += Storyfold.Text.Tokens.Words(summary).Count();
                    }
                }
            }
            catch (IOException e)
            {
                console.Fail($"{path}: {e.Message}");
                return ExitCodes.Failure;
            }

            if (cases == 0)
            {
                console.Fail($"{path}: no case with a reference summary");
                return ExitCodes.Failure;
            }

            var rows = totals.Select(kv => new
            {
                system = kv.Key,
                rouge1 = Math.Round(kv.Value[0] / cases, 4),
                rouge2 = Math.Round(kv.Value[1] / cases, 4),
                rougeL = Math.Round(kv.Value[2] / cases, 4),
                words = Math.Round(kv.Value[3] / cases, 1),
            }).ToList();
            if (parse.GetValue(json))
            {
                CliJson.WriteDocument(console.Out, new { file = path, cases, rejected, words = budget, metric = "ROUGE F1, no stemming", systems = rows });
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded)
                    .Title($"ROUGE F1 on {cases} case(s), --words {budget}")
                    .AddColumn("System").AddColumn(new TableColumn("ROUGE-1").RightAligned()).AddColumn(new TableColumn("ROUGE-2").RightAligned())
                    .AddColumn(new TableColumn("ROUGE-L").RightAligned()).AddColumn(new TableColumn("Words").RightAligned());
                foreach (var r in rows)
                {
                    table.AddRow(r.system, F(r.rouge1), F(r.rouge2), F(r.rougeL), r.words.ToString("0.0", CultureInfo.InvariantCulture));
                }

                console.Rich.Write(table);
            }

            return rejected == 0 ? ExitCodes.Success : ExitCodes.Partial;
        });
        return command;
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
