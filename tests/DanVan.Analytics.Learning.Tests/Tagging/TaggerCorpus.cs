using System.Text.Json.Nodes;
using DanVan.Analytics.Datasets;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Learning.Tagging;

namespace DanVan.Analytics.Learning.Tests.Tagging;

/// <summary>
/// A small real token-level dataset, made by the datasets library (the rule extractor's officials as silver IOB2) from the
/// first 150 excerpts of the public labeled2 corpus, and a tagger trained on it once with 3 folds grouped by site.
/// </summary>
public sealed class TaggerCorpus : IDisposable
{
    public TaggerCorpus()
    {
        Directory.CreateDirectory(Folder);
        string input = Path.Combine(Folder, "articles-in.jsonl");
        using (var writer = new StreamWriter(input))
        {
            foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Shared, "corpus", "labeled2.jsonl")).Take(150))
            {
                JsonObject c = JsonNode.Parse(line)!.AsObject();
                writer.WriteLine(new JsonObject { ["id"] = (string?)c["id"], ["site"] = (string?)c["site"], ["text"] = (string?)c["text"] }.ToJsonString());
            }
        }

        Dataset = Path.Combine(Folder, "dataset");
        new DatasetWriter(new DatasetOptions()).WriteAsync(DatasetArticle.ReadAsync(input), Dataset).GetAwaiter().GetResult();
        Sentences = TaggedSentenceReader.Read(Dataset);
        Result = NameTaggerTrainer.Train(Sentences, new TaggerTrainingOptions { Folds = 3 });
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "danvan-tagger-" + Guid.NewGuid().ToString("N")[..10]);

    public string Dataset { get; }

    public IReadOnlyList<TaggedSentence> Sentences { get; }

    public TaggerTrainingResult Result { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TaggerCorpusGroup : ICollectionFixture<TaggerCorpus>
{
    public const string Name = "tagger corpus";
}
