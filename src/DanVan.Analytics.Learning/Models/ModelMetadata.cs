using System.Text.Json.Serialization;

namespace DanVan.Analytics.Learning.Models;

/// <summary>What a model file says about itself: kind, features, labels, data and cross-validated metrics.</summary>
public sealed record ModelMetadata
{
    /// <summary>"relevance", "topic" or "tagger".</summary>
    public required string Kind { get; init; }

    /// <summary>The <see cref="Features.VietnameseFeaturizer.Version"/> the model was trained with.</summary>
    public required string FeatureVersion { get; init; }

    /// <summary>The labels the model predicts, in the order of its score vector.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The <see cref="Data.LabeledDataReader.Hash"/> of the training examples.</summary>
    public required string TrainingDataHash { get; init; }

    /// <summary>How many examples the model was trained on.</summary>
    public required int TrainingExamples { get; init; }

    /// <summary>The learner the comparison chose.</summary>
    public required string Trainer { get; init; }

    /// <summary>For relevance: the probability from which an article is called relevant, chosen on the validation folds.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>The seed of training and fold assignment.</summary>
    public int Seed { get; init; }

    /// <summary>The number of cross-validation folds (grouped by site).</summary>
    public int Folds { get; init; }

    /// <summary>Cross-validated metrics of the chosen learner ("precision", "recall", "f1", "auc", "macro_f1" …).</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The command that reproduces the model, when it was recorded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Command { get; init; }
}

/// <summary>The kinds of models.</summary>
public static class ModelKinds
{
    /// <summary>Is the article about mass-mobilization work?</summary>
    public const string Relevance = "relevance";

    /// <summary>Which area of the work?</summary>
    public const string Topic = "topic";

    /// <summary>Names and titles, token by token.</summary>
    public const string Tagger = "tagger";
}
