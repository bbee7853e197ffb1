using System.CommandLine;
using System.Globalization;
using DanVan.Analytics.Learning;
using DanVan.Analytics.Learning.Tagging;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan train tagger --data DIR-or-FILE [--data …] --out tagger.zip [--folds 5]</c>: trains the name tagger on the
/// token-level dataset of <c>danvan dataset</c> and prints its entity-level scores on held-out sites.
/// </summary>
internal static class TrainTaggerCommand
{
    public static Command Create()
    {
        var dataOption = new Option<string[]>("--data")
        {
            Description = "A dataset folder of 'danvan dataset' (its ner/*.jsonl), a ner folder, or one ner JSONL file; repeatable.",
            Required = true,
        };
        var outOption = new Option<FileInfo>("--out") { Description = "The tagger model file to write.", Required = true };
        var foldsOption = new Option<int>("--folds") { Description = "Cross-validation folds grouped by site (0: no evaluation).", DefaultValueFactory = _ => 5 };
        var seedOption = new Option<int>("--seed") { Description = "The seed of the learner and folds.", DefaultValueFactory = _ => 1 };
        var trainerOption = new Option<string>("--trainer")
        {
            Description = $"The learner: {string.Join(", ", NameTaggerTrainer.Trainers)}.",
            DefaultValueFactory = _ => NameTaggerTrainer.Trainers[0],
        };
        var goldOption = new Option<FileInfo[]>("--gold")
        {
            Description = "Gold-schema JSONL cases: officials scored by the rules alone and by the rules with the tagger (a tagger trained without the gold cases' articles); repeatable.",
        };
        var command = new Command("tagger", "Train the name tagger (officials' names and titles, IOB2) on the token-level dataset of 'danvan dataset'.");
        command.Options.Add(dataOption);
        command.Options.Add(outOption);
        command.Options.Add(foldsOption);
        command.Options.Add(seedOption);
        command.Options.Add(trainerOption);
        command.Options.Add(goldOption);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.GetValue(dataOption)!,
            parseResult.GetValue(outOption)!,
            parseResult.GetValue(goldOption) ?? [],
            new TaggerTrainingOptions
            {
                Folds = parseResult.GetValue(foldsOption),
                Seed = parseResult.GetValue(seedOption),
                Trainer = parseResult.GetValue(trainerOption)!,
            },
            cancellationToken)));
        return command;
    }

    private static int Run(string[] data, FileInfo output, FileInfo[] gold, TaggerTrainingOptions options, CancellationToken cancellationToken)
    {
        if (!NameTaggerTrainer.Trainers.Contains(options.Trainer))
        {
            Console.Error.WriteLine($"error: unknown learner '{options.Trainer}'; expected one of {string.Join(", ", NameTaggerTrainer.Trainers)}.");
            return ExitCodes.Usage;
        }

        try
        {
            var sentences = data.SelectMany(TaggedSentenceReader.Read).ToList();
            string command = $"danvan train tagger {string.Join(' ', data.Select(d => $"--data {Path.GetFileName(Path.TrimEndingDirectorySeparator(d))}"))}"
                + $" --folds {options.Folds} --seed {options.Seed} --trainer {options.Trainer}";
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            TaggerTrainingResult result = NameTaggerTrainer.Train(
                sentences, options with { Command = command }, new Progress<string>(m => Console.Error.WriteLine(m)), cancellationToken);
            result.Tagger.Model.Save(output.FullName);
            TaggerEvaluation evaluation = result.Evaluation;
            Console.WriteLine($"{sentences.Count} sentences, {sentences.Sum(s => s.Tokens.Count)} tokens, {evaluation.Groups} sites");
            if (evaluation.Folds > 0)
            {
                Console.WriteLine($"entity-level scores on held-out sites ({evaluation.Folds} folds):");
                Console.WriteLine("kind    gold  predicted  correct  precision  recall  F1");
                foreach (EntityScore s in evaluation.Scores)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Kind,-6} {s.Gold,5} {s.Predicted,10} {s.Correct,8} {s.Precision,10:0.000} {s.Recall,7:0.000}  {s.F1:0.000}"));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"written {output.FullName} in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
            if (gold.Length > 0)
            {
                TaggerGoldReport.Print(gold, sentences, result.Tagger, options, cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (TrainingDataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }
}
