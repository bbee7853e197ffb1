using DanVan.Analytics.Search.Indexing;

namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>One on-disk index of the whole <see cref="TestCorpus"/>, shared by the tests of a class.</summary>
public sealed class CorpusIndexFixture : IDisposable
{
    private readonly TempIndexFolder _folder = new();

    public CorpusIndexFixture()
    {
        using (ArticleIndex writer = ArticleIndex.OpenOrCreate(_folder.Path))
        {
            foreach (ArticleDocument article in TestCorpus.All)
            {
                writer.AddOrUpdate(article);
            }

            writer.Commit();
        }

        Index = ArticleIndex.OpenReadOnly(_folder.Path);
    }

    internal ArticleIndex Index { get; }

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}
