using DanVan.Analytics.Articles;
using DanVan.Analytics.DependencyInjection;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Pipeline;
using DanVan.Analytics.Search.DependencyInjection;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Analytics.Search.Tests.DependencyInjection;

/// <summary>The registration helpers with the real container: what an application gets from <c>AddDanVan…</c> works end to end.</summary>
public sealed class ServiceCollectionTests : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddDanVanArticleIndex_ThePipelineFromTheContainer_IndexesWithFactsThatASearchFinds()
    {
        var services = new ServiceCollection().AddDanVanArticleIndex(_folder.Path);
        await using (ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            ArticleIndex index = provider.GetRequiredService<ArticleIndex>();
            Assert.Same(index, provider.GetRequiredService<ArticleIndex>());
            Assert.NotSame(provider.GetRequiredService<ArticlePipeline>(), provider.GetRequiredService<ArticlePipeline>());

            ArticleRecord[] records =
            [
                new() { Id = "a1", Url = "https://x.vn/a1", Title = "Dân vận khéo", Body = "Thực hiện Nghị quyết số 25-NQ/TW, đồng chí Nguyễn Văn An, Bí thư Đảng ủy xã, chỉ đạo." },
                new() { Id = "a2", Url = "https://x.vn/a2", Title = "Thể thao", Body = "Đội bóng của phường thắng trận." },
            ];
            await provider.GetRequiredService<ArticlePipeline>().RunAsync(records.ToAsyncEnumerable(), [new ArticleIndexSink(index)]);

            Assert.Equal("a1", Assert.Single(index.Search("doc:25-NQ/TW").Hits).Id);
        }

        // Disposing the container released the index and its writer lock: the folder opens for writing again.
        using ArticleIndex reopened = ArticleIndex.OpenOrCreate(_folder.Path);
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void AddDanVanAnalytics_KeepsARegistrationMadeBefore()
    {
        var mine = new ArticleExtractor(new ExtractionOptions());
        using ServiceProvider provider = new ServiceCollection().AddSingleton(mine).AddDanVanAnalytics().BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<ArticleExtractor>());
        Assert.Same(mine, provider.GetRequiredService<ArticlePipelineOptions>().Extractor);
    }
}
