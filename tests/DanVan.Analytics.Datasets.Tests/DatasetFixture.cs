using DanVan.Analytics.Articles;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Datasets.Tests.Fixtures;

namespace DanVan.Analytics.Datasets.Tests;

/// <summary>One dataset written from the bundled and shared texts, shared by the read-back tests.</summary>
public sealed class DatasetFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string Input => _folder.File("articles.jsonl");

    public string Output => _folder.File("out");

    public DatasetSummary Summary { get; private set; } = null!;

    public List<BadLine> BadLines { get; } = [];

    public async Task InitializeAsync()
    {
        DatasetInputs.WriteArticles(Input);
        File.AppendAllText(Input, "{\"id\": 5, broken\n");
        var writer = new DatasetWriter(new DatasetOptions { Spans = true, RowGroupSize = 50 });
        Summary = await writer.WriteAsync(DatasetArticle.ReadAsync(Input, new JsonLinesReadOptions { OnBadLine = BadLines.Add }), Output);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
