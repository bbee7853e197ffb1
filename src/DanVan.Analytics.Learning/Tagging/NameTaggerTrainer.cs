using DanVan.Analytics.Learning.Models;
using DanVan.Analytics.Learning.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace DanVan.Analytics.Learning.Tagging;

/// <summary>Options of <see cref="NameTaggerTrainer"/>.</summary>
public sealed record TaggerTrainingOptions
{
    /// <summary>Cross-validation folds, grouped by site (or by article when the dataset has no sites); 0 skips the evaluation.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>The seed of the learner and of the fold assignment.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The learner: one of <see cref="NameTaggerTrainer.Trainers"/>.</summary>
    public string Trainer { get; init; } = "lbfgs_maxent";

    /// <summary>The command line recorded in the model's metadata.</summary>
    public string? Command { get; init; }
}

/// <summary>Entity-level scores of one kind (an entity counts when its kind and its exact tokens match).</summary>
/// <param name="Kind"><c>PER</c>, <c>TITLE</c> or <c>ALL</c>.</param>
/// <param name="Gold">Entities in the held-out labels.</param>
/// <param name="Predicted">Entities the tagger gave.</param>
/// <param name="Correct">Entities in both.</param>
public sealed record EntityScore(string Kind, int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Gold + Predicted == 0 ? 0 : 2.0 * Correct / (Gold + Predicted);
}

/// <summary>The cross-validated evaluation of a tagger.</summary>
/// <param name="Folds">The folds (0: not evaluated).</param>
/// <param name="Groups">How many sites (or articles) the folds were made of.</param>
/// <param name="Scores">Per kind, then <c>ALL</c>.</param>
public sealed record TaggerEvaluation(int Folds, int Groups, IReadOnlyList<EntityScore> Scores);

/// <summary>The result of training a tagger.</summary>
/// <param name="Evaluation">The held-out scores.</param>
/// <param name="Tagger">The tagger trained on all sentences.</param>
public sealed record TaggerTrainingResult(TaggerEvaluation Evaluation, NameTagger Tagger);

/// <summary>
/// Trains the name tagger with ML.NET: one example per token (its window features, <see cref="TokenFeatures"/>) and a
/// multiclass linear learner over the IOB2 labels of names and titles; evaluates it by entity-level precision, recall and
/// F1 on held-out sites (each fold's sentences decoded by the same Viterbi pass the tagger uses).
/// </summary>
public static class NameTaggerTrainer
{
    /// <summary>The learners: L-BFGS maximum entropy (the default) and SDCA maximum entropy.</summary>
    public static IReadOnlyList<string> Trainers { get; } = ["lbfgs_maxent", "sdca_maxent"];

    /// <summary>Trains on <paramref name="sentences"/>.</summary>
    /// <exception cref="TrainingDataException">No sentences, no names, or too few groups for the folds.</exception>
    public static TaggerTrainingResult Train(
        IReadOnlyList<TaggedSentence> sentences, TaggerTrainingOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        Train(sentences, TaggerLexicon.Default, options, progress, cancellationToken);

    /// <summary>Trains with the lexicon features read from <paramref name="lexicon"/> (the withheld-table evaluation).</summary>
    internal static TaggerTrainingResult Train(
        IReadOnlyList<TaggedSentence> sentences, TaggerLexicon lexicon, TaggerTrainingOptions? options = null, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new TaggerTrainingOptions();
        if (!Trainers.Contains(options.Trainer))
        {
            throw new ArgumentException($"Unknown learner '{options.Trainer}'; expected one of {string.Join(", ", Trainers)}.", nameof(options));
        }

        if (!sentences.Any(s => s.Tags.Any(t => t != TaggerLabels.Outside)))
        {
            throw new TrainingDataException($"none of the {sentences.Count} sentences has a tagged name or title; there is nothing to learn.");
        }

        var groups = sentences.Select(s => s.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (options.Folds != 0)
        {
            FeaturePipeline.CheckFolds(options.Folds, groups.Count);
        }

        MLContext context = ModelFile.CreateContext(options.Seed);
        var features = new VBuffer<float>[sentences.Count][];
        for (int i = 0; i < sentences.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            features[i] = TokenFeatures.Featurize(sentences[i].Tokens, lexicon);
        }

        TaggerEvaluation evaluation = options.Folds == 0
            ? new TaggerEvaluation(0, groups.Count, [])
            : CrossValidate(context, sentences, features, lexicon, groups, options, progress, cancellationToken);

        IDataView all = Load(context, sentences, features, _ => true);
        ITransformer model = Learner(context, options).Fit(all);
        var metrics = new Dictionary<string, double>();
        foreach (EntityScore score in evaluation.Scores)
        {
            string kind = score.Kind.ToLowerInvariant();
            metrics[$"{kind}_precision"] = score.Precision;
            metrics[$"{kind}_recall"] = score.Recall;
            metrics[$"{kind}_f1"] = score.F1;
        }

        var metadata = new ModelMetadata
        {
            Kind = ModelKinds.Tagger,
            FeatureVersion = TokenFeatures.Version,
            Labels = TaggerLabels.All,
            TrainingDataHash = Hash(sentences),
            TrainingExamples = sentences.Sum(s => s.Tokens.Count),
            Trainer = options.Trainer,
            Seed = options.Seed,
            Folds = options.Folds,
            Command = options.Command,
            Metrics = metrics,
        };
        return new TaggerTrainingResult(evaluation, new NameTagger(new LoadedModel(metadata, model, all.Schema, context), lexicon));
    }

    private static TaggerEvaluation CrossValidate(
        MLContext context, IReadOnlyList<TaggedSentence> sentences, VBuffer<float>[][] features, TaggerLexicon lexicon, List<string> groups,
        TaggerTrainingOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // Groups are dealt to folds in a seeded random order, so a site's sentences are all held out together.
        var order = groups.ToArray();
        new Random(options.Seed).Shuffle(order);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < order.Length; i++)
        {
            foldOf[order[i]] = i % options.Folds;
        }

        int kinds = TaggerLabels.Kinds.Count;
        var gold = new int[kinds];
        var predicted = new int[kinds];
        var correct = new int[kinds];
        for (int fold = 0; fold < options.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int k = fold;
            ITransformer model = Learner(context, options).Fit(Load(context, sentences, features, i => foldOf[sentences[i].Group] != k));
            var tagger = new NameTagger(new LoadedModel(Placeholder, model, SchemaOf(context), context), lexicon);
            for (int i = 0; i < sentences.Count; i++)
            {
                if (foldOf[sentences[i].Group] != fold)
                {
                    continue;
                }

                var truth = SequenceDecoder.Entities(sentences[i].Tags).ToHashSet();
                var guess = SequenceDecoder.Entities(tagger.TagTokens(sentences[i].Tokens));
                foreach (TokenEntity e in truth)
                {
                    gold[e.Kind]++;
                }

                foreach (TokenEntity e in guess)
                {
                    predicted[e.Kind]++;
                    if (truth.Contains(e))
                    {
                        correct[e.Kind]++;
                    }
                }
            }

            progress?.Report($"fold {fold + 1}/{options.Folds}: names {correct[0]}/{gold[0]} found so far");
        }

        var scores = new List<EntityScore>();
        for (int kind = 0; kind < kinds; kind++)
        {
            scores.Add(new EntityScore(TaggerLabels.Kinds[kind], gold[kind], predicted[kind], correct[kind]));
        }

        scores.Add(new EntityScore("ALL", gold.Sum(), predicted.Sum(), correct.Sum()));
        return new TaggerEvaluation(options.Folds, groups.Count, scores);
    }

    // The metadata a fold's tagger carries while it is evaluated (never saved).
    private static readonly ModelMetadata Placeholder = new()
    {
        Kind = ModelKinds.Tagger,
        FeatureVersion = TokenFeatures.Version,
        Labels = TaggerLabels.All,
        TrainingDataHash = string.Empty,
        TrainingExamples = 0,
        Trainer = string.Empty,
        Metrics = new Dictionary<string, double>(),
    };

    private static DataViewSchema SchemaOf(MLContext context) => context.Data.LoadFromEnumerable(Array.Empty<TokenRow>()).Schema;

    private static IDataView Load(MLContext context, IReadOnlyList<TaggedSentence> sentences, VBuffer<float>[][] features, Func<int, bool> include)
    {
        var rows = new List<TokenRow>();
        for (int i = 0; i < sentences.Count; i++)
        {
            if (!include(i))
            {
                continue;
            }

            for (int t = 0; t < features[i].Length; t++)
            {
                rows.Add(new TokenRow { Features = features[i][t], Tag = TaggerLabels.All[sentences[i].Tags[t]] });
            }
        }

        return context.Data.LoadFromEnumerable(rows);
    }

    // The label keys follow TaggerLabels.All, so the model's classes are in the order the tagger reads its weights.
    private static EstimatorChain<ITransformer> Learner(MLContext context, TaggerTrainingOptions options) =>
        context.Transforms.Conversion.MapValueToKey(
                "Label", nameof(TokenRow.Tag), keyData: context.Data.LoadFromEnumerable(TaggerLabels.All.Select(l => new LabelRow { Tag = l })))
            .AppendCacheCheckpoint(context) // the learner reads the tokens once per iteration: from memory, not re-enumerated
            .Append(Classifier(context, options));

    private static IEstimator<ITransformer> Classifier(MLContext context, TaggerTrainingOptions options) => options.Trainer switch
    {
        "sdca_maxent" => context.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            L2Regularization = 1e-4f,
            MaximumNumberOfIterations = 30,
        }),
        _ => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            L2Regularization = 0.1f,
            L1Regularization = 0,
            OptimizationTolerance = 1e-5f,
            MaximumNumberOfIterations = 200,
        }),
    };

    private static string Hash(IReadOnlyList<TaggedSentence> sentences)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (TaggedSentence s in sentences)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', s.Tokens) + "\u001e" + string.Join(',', s.Tags) + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A label of the key order.</summary>
    private sealed class LabelRow
    {
        public string Tag { get; set; } = string.Empty;
    }

    /// <summary>A token as ML.NET reads it.</summary>
    private sealed class TokenRow
    {
        [VectorType(TokenFeatures.Dimension)]
        public VBuffer<float> Features { get; set; }

        public string Tag { get; set; } = string.Empty;
    }
}
