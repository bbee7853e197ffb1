using System.CommandLine;
using System.Globalization;
using DanVan.Analytics.Learning;
using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Models;
using DanVan.Analytics.Learning.Training;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan train relevance|topic --data FILE.jsonl [--data …] --out MODEL.zip [--folds 5] [--compare]</c>: trains a
/// classifier on labeled examples, cross-validated with folds grouped by site (every learner with <c>--compare</c>), and
/// prints the scores.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a classifier on labeled examples ({\"id\", \"url\"|\"site\", \"label\", \"topic\", \"text\"} lines).");
        command.Subcommands.Add(Create(ModelKinds.Relevance, "Train the relevance model: is the article's main subject dân vận work?"));
        command.Subcommands.Add(Create(ModelKinds.Topic, "Train the topic model: which area of dân vận work (on the danvan examples)?"));
        command.Subcommands.Add(TrainTaggerCommand.Create());
        return command;
    }

    private static Command Create(string kind, string description)
    {
        var dataOption = new Option<FileInfo[]>("--data") { Description = "Labeled JSON lines; repeat for several files.", Required = true, AllowMultipleArgumentsPerToken = false };
        var outOption = new Option<FileInfo>("--out") { Description = "The model file to write.", Required = true };
        var foldsOption = new Option<int>("--folds") { Description = "Cross-validation folds, grouped by site.", DefaultValueFactory = _ => 5 };
        var seedOption = new Option<int>("--seed") { Description = "The seed of the learners and folds.", DefaultValueFactory = _ => 1 };
        var trainerOption = new Option<string?>("--trainer") { Description = $"The learner (default: {DefaultTrainer(kind)}, the one the comparison chose on the public corpus)." };
        var compareOption = new Option<bool>("--compare") { Description = "Compare every learner by cross-validation and keep the best (slower: each learner is cross-validated)." };
        var command = new Command(kind, description);
        command.Options.Add(dataOption);
        command.Options.Add(outOption);
        command.Options.Add(foldsOption);
        command.Options.Add(seedOption);
        command.Options.Add(trainerOption);
        command.Options.Add(compareOption);
        command.SetAction(parseResult => Run(
            kind,
            parseResult.GetValue(dataOption)!,
            parseResult.GetValue(outOption)!,
            parseResult.GetValue(foldsOption),
            parseResult.GetValue(seedOption),
            parseResult.GetValue(compareOption) ? null : parseResult.GetValue(trainerOption) ?? DefaultTrainer(kind)));
        return command;
    }

    // The default path trains one learner (one cross-validation and one fit); --compare runs them all.
    private static string DefaultTrainer(string kind) => kind == ModelKinds.Relevance ? RelevanceTrainer.DefaultTrainer : TopicTrainer.DefaultTrainer;

    private static int Run(string kind, FileInfo[] data, FileInfo output, int folds, int seed, string? trainer)
    {
        try
        {
            IReadOnlyList<LabeledArticle> examples = LabeledDataReader.Read(data.Select(f => f.FullName));
            // The recorded command names the files as given, so it reads the same on another machine.
            string command = $"danvan train {kind} {string.Join(' ', data.Select(f => $"--data {f.Name}"))} --folds {folds} --seed {seed}"
                + (trainer is null ? " --compare" : $" --trainer {trainer}");
            var progress = new Progress<string>(m => Console.Error.WriteLine(m));
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            if (kind == ModelKinds.Relevance)
            {
                var result = RelevanceTrainer.Train(examples, new RelevanceTrainingOptions { Folds = folds, Seed = seed, Trainer = trainer, Command = command }, progress);
                result.Model.Save(output.FullName);
                Console.WriteLine($"{examples.Count} examples, {folds} folds grouped by site; out-of-fold scores, each fold cut at the threshold of the others:");
                Console.WriteLine("learner               precision  recall  F1     AUC    log-loss  threshold");
                foreach (RelevanceCandidate c in result.Candidates)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{c.Trainer,-21} {c.Precision,9:0.000}  {c.Recall,6:0.000}  {c.F1:0.000}  {c.Auc:0.000}  {c.LogLoss,8:0.000}  {c.Threshold,9:0.000}"));
                }
            }
            else
            {
                var result = TopicTrainer.Train(examples, new TopicTrainingOptions { Folds = folds, Seed = seed, Trainer = trainer, Command = command }, progress);
                result.Model.Save(output.FullName);
                foreach (TopicCandidate c in result.Candidates)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Trainer}: macro-F1 {c.MacroF1:0.000}, accuracy {c.Accuracy:0.000}"));
                }

                PrintTopicDetails(result.Candidates[0]);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chosen: {ModelFile.ReadMetadataOf(output.FullName).Trainer}; written {output.FullName} in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
            return ExitCodes.Success;
        }
        catch (TrainingDataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UnauthorizedAccessException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static void PrintTopicDetails(TopicCandidate best)
    {
        Console.WriteLine($"{best.Trainer}, per topic (out of fold):");
        Console.WriteLine("topic                  support  precision  recall  F1");
        foreach (TopicClassScore c in best.Classes)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Topic,-22} {c.Support,7}  {c.Precision,9:0.000}  {c.Recall,6:0.000}  {c.F1:0.000}"));
        }

        Console.WriteLine("confusion (rows: true, columns: predicted, same order):");
        for (int i = 0; i < best.Topics.Count; i++)
        {
            Console.WriteLine($"{best.Topics[i],-22} " + string.Join(' ', best.Confusion[i].Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(3))));
        }
    }
}
