using DanVan.Analytics.Learning.Data;
using DanVan.Analytics.Learning.Models;
using DanVan.Analytics.Learning.Training;

namespace DanVan.Analytics.Learning.Tests;

/// <summary>
/// The public labeled corpus and models trained on it once for all tests: the learner the shipped model recorded, the
/// shipped options (5 folds grouped by site, seed 1, one thread), real ML.NET.
/// </summary>
public sealed class PublicCorpus
{
    public PublicCorpus()
    {
        Examples = LabeledDataReader.Read(Files);
        ShippedRelevance = DefaultModels.Load(ModelKinds.Relevance).Metadata;
        ShippedTopic = DefaultModels.Load(ModelKinds.Topic).Metadata;
        Relevance = RelevanceTrainer.Train(Examples, new RelevanceTrainingOptions { Trainer = ShippedRelevance.Trainer });
        Topic = TopicTrainer.Train(Examples, new TopicTrainingOptions { Trainer = ShippedTopic.Trainer });
    }

    public static IReadOnlyList<string> Files { get; } =
    [
        Path.Combine(RepositoryPaths.Shared, "corpus", "labeled.jsonl"),
        Path.Combine(RepositoryPaths.Shared, "corpus", "labeled2.jsonl"),
    ];

    public IReadOnlyList<LabeledArticle> Examples { get; }

    public ModelMetadata ShippedRelevance { get; }

    public ModelMetadata ShippedTopic { get; }

    public RelevanceTrainingResult Relevance { get; }

    public TopicTrainingResult Topic { get; }
}

[CollectionDefinition(Name)]
public sealed class PublicCorpusGroup : ICollectionFixture<PublicCorpus>
{
    public const string Name = "public corpus";
}
