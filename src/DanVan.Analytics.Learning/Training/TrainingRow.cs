using DanVan.Analytics.Learning.Data;
using Microsoft.ML;

namespace DanVan.Analytics.Learning.Training;

/// <summary>An example as ML.NET reads it for training.</summary>
internal sealed class TrainingRow
{
    public string Text { get; set; } = string.Empty;

    public string Site { get; set; } = string.Empty;

    public bool Label { get; set; }

    public string Topic { get; set; } = string.Empty;

    public static IDataView Load(MLContext context, IEnumerable<LabeledArticle> examples) =>
        context.Data.LoadFromEnumerable(examples
            .Select(e => new TrainingRow { Text = e.Text, Site = e.Site, Label = e.IsRelevant, Topic = e.Topic ?? string.Empty })
            .ToList());
}

/// <summary>The options both trainers share.</summary>
public abstract record TrainingOptions
{
    /// <summary>Cross-validation folds, grouped by site.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>The seed of the learners and of the fold assignment.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The learner to use; null compares all and keeps the best by cross-validated F1.</summary>
    public string? Trainer { get; init; }

    /// <summary>The command line recorded in the model's metadata, so that it can be reproduced.</summary>
    public string? Command { get; init; }
}
