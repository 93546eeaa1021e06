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
            // Each case's ROUGE-1, ROUGE-2, ROUGE-L F1 and summary words, per system, kept for the intervals over cases.
            var scores = systems.Keys.ToDictionary(k => k, _ => new CaseScores());
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
                        var t = scores[name];
                        t.Rouge1.Add(score.Rouge1.F1);
                        t.Rouge2.Add(score.Rouge2.F1);
                        t.RougeL.Add(score.RougeL.F1);
                        t.Words.Add(Storyfold.Text.Tokens.Words(summary).Count());
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

            var mine = scores["storyfold"];
            var rows = scores.Select(kv => new
            {
                system = kv.Key,
                rouge1 = Math.Round(kv.Value.Rouge1.Average(), 4),
                rouge2 = Math.Round(kv.Value.Rouge2.Average(), 4),
                rougeL = Math.Round(kv.Value.RougeL.Average(), 4),
                words = Math.Round(kv.Value.Words.Average(), 1),
                intervals = new
                {
                    rouge1 = Bootstrap.MeanInterval(kv.Value.Rouge1).ToJsonPair(),
                    rouge2 = Bootstrap.MeanInterval(kv.Value.Rouge2).ToJsonPair(),
                    rougeL = Bootstrap.MeanInterval(kv.Value.RougeL).ToJsonPair(),
                },
                storyfoldAhead = ReferenceEquals(kv.Value, mine) ? null : new
                {
                    rouge1 = Math.Round(Bootstrap.ShareAhead(mine.Rouge1, kv.Value.Rouge1), 4),
                    rouge2 = Math.Round(Bootstrap.ShareAhead(mine.Rouge2, kv.Value.Rouge2), 4),
                    rougeL = Math.Round(Bootstrap.ShareAhead(mine.RougeL, kv.Value.RougeL), 4),
                },
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

                // Not a terminal means no known width; the intervals table must not wrap its figures.
                if (!console.OutIsTerminal)
                {
                    console.Rich.Profile.Width = 120;
                }

                console.Rich.Write(table);

                // Whether the figures and Storyfold's lead would hold on other cases of the same kind.
                var intervals = new Table().Border(TableBorder.Rounded)
                    .Title($"95% intervals over cases (bootstrap, {Bootstrap.DefaultResamples:N0} resamples, fixed seed)")
                    .AddColumns("System", "ROUGE-1", "ROUGE-2", "ROUGE-L", "storyfold ahead (R-1 / R-2 / R-L)");
                foreach (var r in rows)
                {
                    var ahead = r.storyfoldAhead is { } share ? $"{Pct(share.rouge1)} / {Pct(share.rouge2)} / {Pct(share.rougeL)}" : "";
                    intervals.AddRow(r.system, Range(r.intervals.rouge1), Range(r.intervals.rouge2), Range(r.intervals.rougeL), ahead);
                }

                console.Rich.Write(intervals);
            }

            return rejected == 0 ? ExitCodes.Success : ExitCodes.Partial;
        });
        return command;
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Range(double[] interval) => $"{F(interval[0])} - {F(interval[1])}";

    private static string Pct(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>One system's scores, case by case.</summary>
    private sealed class CaseScores
    {
        public List<double> Rouge1 { get; } = [];

        public List<double> Rouge2 { get; } = [];

        public List<double> RougeL { get; } = [];

        public List<double> Words { get; } = [];
    }
}
