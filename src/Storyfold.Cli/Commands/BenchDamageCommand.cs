using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyfold.Ingest;

namespace Storyfold.Cli.Commands;

/// <summary>
/// <c>storyfold bench damage GROUND_TRUTH OUT_DIR [--kind K] [--seed N]</c>: writes the ground truth's pages damaged
/// (<see cref="PageDamage"/>) to OUT_DIR/html with a ground truth that points at them, so that <c>eval extraction</c>
/// and <c>bench/extraction/run.sh</c> score every extractor on the same broken pages against the same truth.
/// </summary>
public sealed class BenchDamageCommand : ICliCommand
{
    public Command Build(CliConsole console)
    {
        var truthArgument = new Argument<string>("GROUND_TRUTH") { Description = "JSON Lines: id, file (relative to it), and the truth to copy" };
        var outArgument = new Argument<string>("OUT_DIR") { Description = "Where to write html/ and ground-truth.jsonl" };
        var kindOption = new Option<DamageKind?>("--kind") { Description = "Damage every page this one way (default: one way at random a page)" };
        var seedOption = new Option<int>("--seed") { Description = "Seed of the damage, to reproduce a corpus", DefaultValueFactory = _ => 1 };
        var command = new Command("damage", "Write a ground truth's pages damaged, with a ground truth for them, to score extractors on broken pages")
        {
            truthArgument, outArgument, kindOption, seedOption,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var truthPath = parse.GetValue(truthArgument)!;
            var outDirectory = parse.GetValue(outArgument)!;
            var kind = parse.GetValue(kindOption);
            if (!File.Exists(truthPath))
            {
                console.Fail($"{truthPath}: no such file");
                return Task.FromResult(ExitCodes.Failure);
            }

            var root = Path.GetDirectoryName(Path.GetFullPath(truthPath))!;
            var pagesDirectory = Directory.CreateDirectory(Path.Combine(outDirectory, "html")).FullName;
            var damage = new PageDamage(parse.GetValue(seedOption));
            var kinds = new Dictionary<DamageKind, int>();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var lines = new List<string>();
            var failed = 0;
            var lineNumber = 0;
            foreach (var line in File.ReadLines(truthPath))
            {
                cancellationToken.ThrowIfCancellationRequested();
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (Damaged(line, root, pagesDirectory, names, damage, kind, out var damagedKind, out var problem) is not { } written)
                {
                    console.Fail($"{truthPath}:{lineNumber}: {problem}");
                    failed++;
                    continue;
                }

                kinds[damagedKind] = kinds.GetValueOrDefault(damagedKind) + 1;
                lines.Add(written);
            }

            var outTruth = Path.Combine(outDirectory, "ground-truth.jsonl");
            File.WriteAllLines(outTruth, lines);
            console.Out.WriteLine($"{lines.Count} pages damaged ({string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}) into {pagesDirectory}");
            console.Out.WriteLine($"score them: storyfold eval extraction {outTruth}, or bench/extraction/run.sh {outTruth} with the peers");
            return Task.FromResult(failed == 0 ? ExitCodes.Success : ExitCodes.Failure);
        });
        return command;
    }

    /// <summary>
    /// The truth line with its page damaged and written under <paramref name="pagesDirectory"/>, "file" pointing at it;
    /// or null and why not. A page keeps its file name unless an earlier page of this run took it (truths that keep
    /// their pages in several folders can repeat a name): then it gets the first free "-2", "-3", ... before the extension.
    /// </summary>
    private static string? Damaged(string line, string root, string pagesDirectory, HashSet<string> names, PageDamage damage, DamageKind? kind, out DamageKind damagedKind, out string? problem)
    {
        damagedKind = default;
        problem = null;
        JsonObject? row;
        try
        {
            row = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException e)
        {
            problem = $"malformed JSON: {e.Message}";
            return null;
        }

        if (row?["file"] is not JsonValue fileValue || !fileValue.TryGetValue<string>(out var file))
        {
            problem = "needs \"file\"";
            return null;
        }

        var source = InputFile.FromPath(Path.Combine(root, file));
        if (HtmlReader.ReadBytes(source, out var error) is not { } bytes)
        {
            problem = $"{source.Name}: {error}";
            return null;
        }

        (damagedKind, var damaged) = kind is { } chosen ? (chosen, damage.Apply(bytes, chosen)) : damage.Apply(bytes);

        // Written unzipped: the damage is to the page, not to its compression.
        var name = Path.GetFileName(file);
        name = FreeName(name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name, names);
        File.WriteAllBytes(Path.Combine(pagesDirectory, name), damaged);
        row["file"] = $"html/{name}";
        row["damage"] = damagedKind.ToString();
        return row.ToJsonString();
    }

    /// <summary>The name, or the first of name-2, name-3, ... (before the extension) not yet in <paramref name="names"/>; taken.</summary>
    internal static string FreeName(string name, HashSet<string> names)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        var free = name;
        for (var n = 2; !names.Add(free); n++)
        {
            free = $"{stem}-{n}{extension}";
        }

        return free;
    }
}
