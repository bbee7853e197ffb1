using System.Collections.Concurrent;
using DanVan.Analytics.Learning.Features;
using DanVan.Analytics.Learning.Models;
using Microsoft.ML;

namespace DanVan.Analytics.Learning.Classification;

/// <summary>
/// Runs a model on texts from any number of threads: single texts through a pool of prediction engines (one engine is
/// not thread-safe), many texts in batches through <see cref="ITransformer.Transform"/>.
/// </summary>
internal sealed class PooledPredictor<TOutput>(LoadedModel model)
    where TOutput : class, new()
{
    private const int BatchSize = 512;
    private readonly ConcurrentBag<PredictionEngine<ArticleTextRow, TOutput>> _engines = [];

    public LoadedModel Model { get; } = model;

    public TOutput Predict(string text)
    {
        CheckText(text);
        if (!_engines.TryTake(out PredictionEngine<ArticleTextRow, TOutput>? engine))
        {
            engine = Model.Context.Model.CreatePredictionEngine<ArticleTextRow, TOutput>(Model.Transformer);
        }

        try
        {
            return engine.Predict(new ArticleTextRow { Text = text });
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Predicts lazily, a batch at a time, in input order.</summary>
    public IEnumerable<TOutput> PredictMany(IEnumerable<string> texts, CancellationToken cancellationToken = default)
    {
        var batch = new List<ArticleTextRow>(BatchSize);
        foreach (string text in texts)
        {
            CheckText(text);
            batch.Add(new ArticleTextRow { Text = text });
            if (batch.Count == BatchSize)
            {
                foreach (TOutput output in Run(batch, cancellationToken))
                {
                    yield return output;
                }

                batch = new List<ArticleTextRow>(BatchSize);
            }
        }

        foreach (TOutput output in Run(batch, cancellationToken))
        {
            yield return output;
        }
    }

    private List<TOutput> Run(List<ArticleTextRow> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0)
        {
            return [];
        }

        IDataView scored = Model.Transformer.Transform(Model.Context.Data.LoadFromEnumerable(batch));
        return Model.Context.Data.CreateEnumerable<TOutput>(scored, reuseRowObject: false).ToList();
    }

    /// <summary>The same check for every path: an empty text has nothing to classify.</summary>
    public static void CheckText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The text is empty: there is nothing to classify.", nameof(text));
        }
    }
}
