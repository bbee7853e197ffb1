using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Querying;
using DanVan.Analytics.Search.Tests.Fixtures;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace DanVan.Analytics.Search.Tests.Indexing;

/// <summary>
/// Damaged index files (issue 13, item 7): a truncated file of each kind Lucene writes, and a flipped byte, in reading and
/// in writing. Each gives the typed <see cref="ArticleIndexErrorReason.Corrupt"/> error, never another exception.
/// </summary>
public sealed class IndexDamageTests : IClassFixture<IndexDamageTests.Indexes>
{
    private readonly Indexes _indexes;

    public IndexDamageTests(Indexes indexes)
    {
        _indexes = indexes;
    }

    public static TheoryData<string, string> FileKinds()
    {
        var data = new TheoryData<string, string>();
        foreach ((string layout, string folder) in Indexes.Layouts())
        {
            foreach (string kind in Indexes.KindsIn(folder))
            {
                data.Add(layout, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FileKinds), DisableDiscoveryEnumeration = true)]
    public void TruncatedFile_OfEachKind_IsReportedAsCorruptWhenReadAndWhenWritten(string layout, string kind)
    {
        using var copy = _indexes.Copy(layout);
        string file = Indexes.FileOfKind(copy.Path, kind);
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        ArticleIndexException? read = Record(() => ReadEverything(copy.Path));
        ArticleIndexException? written = Record(() => WriteOne(copy.Path));

        // segments.gen is only a hint (Lucene lists the folder when it is unreadable): the index stays usable.
        if (kind == "segments.gen")
        {
            Assert.Null(read);
            Assert.Null(written);
            return;
        }

        Assert.True(read is not null, $"a truncated {kind} was read without an error");
        Assert.Equal(ArticleIndexErrorReason.Corrupt, read.Reason);
        Assert.DoesNotContain('\n', read.Message);
        Assert.True(written is not null, $"a truncated {kind} was written to without an error");
        Assert.Equal(ArticleIndexErrorReason.Corrupt, written.Reason);
    }

    [Theory]
    [InlineData("segments_")]
    [InlineData(".si")]
    public void FlippedByte_InAChecksummedFile_IsCorruptNotIo(string kind)
    {
        using var copy = _indexes.Copy("compound");
        string file = Indexes.FileOfKind(copy.Path, kind);
        byte[] bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(file, bytes);

        ArticleIndexException? read = Record(() => ReadEverything(copy.Path));

        Assert.NotNull(read);
        Assert.Equal(ArticleIndexErrorReason.Corrupt, read.Reason);
    }

    [Fact]
    public async Task Cli_TruncatedCompoundFile_IsOneLineAndExitCode1_InSearchAndIndex()
    {
        using var copy = _indexes.Copy("compound");
        string file = Indexes.FileOfKind(copy.Path, ".cfs");
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length / 2);
        }

        string input = Path.Combine(copy.Path, "..", Path.GetFileName(copy.Path) + ".jsonl");
        ArticleLines.Write(input, 3);
        try
        {
            var search = await DanvanCli.RunAsync("search", "--index", copy.Path, "dân vận");
            var index = await DanvanCli.RunAsync("index", "--in", input, "--index", copy.Path);

            foreach (var run in new[] { search, index })
            {
                Assert.Equal(1, run.ExitCode);
                string line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.StartsWith("error: The index at", line, StringComparison.Ordinal);
                Assert.Contains("is damaged", line, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static ArticleIndexException? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (ArticleIndexException e)
        {
            return e;
        }
    }

    /// <summary>Touches every file kind: terms, postings with positions (a phrase), stored fields, doc values (facets, date sort), norms.</summary>
    private static void ReadEverything(string path)
    {
        using ArticleIndex index = ArticleIndex.OpenReadOnly(path);
        index.Search(new SearchRequest("\"dân vận\"") { Top = 50, IncludeFacets = true });
        index.Search(new SearchRequest("dân") { Top = 50, Sort = SearchSort.Date, IncludeFacets = true });
        index.Search(new SearchRequest("") { Top = 200 });
    }

    private static void WriteOne(string path)
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(path);
        index.AddOrUpdate(new ArticleDocument { Id = "new", Url = "https://x.vn/new", Title = "Dân vận khéo", Body = "Bài mới." });
        index.Commit();
    }

    /// <summary>Two small indexes of the test corpus: one in compound files (as the index writes), one with a file per kind and deletions.</summary>
    public sealed class Indexes : IDisposable
    {
        // Theory data is read before the fixture exists: one build, made on first use, serves both.
        private static readonly Lazy<string> s_root = new(BuildAll);

        /// <summary>The two layouts, in a fixed order.</summary>
        public static IEnumerable<(string Layout, string Folder)> Layouts() => Layouts(s_root.Value);

        /// <summary>The kinds of file in <paramref name="folder"/>: each extension, "segments_" and "segments.gen".</summary>
        public static IEnumerable<string> KindsIn(string folder) =>
            System.IO.Directory.EnumerateFiles(folder)
                .Select(f => Kind(Path.GetFileName(f)))
                .Where(kind => kind is not ("write.lock" or ".lock" or ".json"))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);

        public static string FileOfKind(string folder, string kind) =>
            System.IO.Directory.EnumerateFiles(folder).First(f => Kind(Path.GetFileName(f)) == kind);

        public TempCopy Copy(string layout) => new(Path.Combine(s_root.Value, layout));

        public void Dispose()
        {
            if (s_root.IsValueCreated)
            {
                System.IO.Directory.Delete(s_root.Value, recursive: true);
            }
        }

        private static string BuildAll()
        {
            string root = Path.Combine(Path.GetTempPath(), "danvan-damage-" + Guid.NewGuid().ToString("N"));
            Build(Path.Combine(root, "compound"));

            // The same documents written by a Lucene writer that keeps a file per kind, with a deletion (the .del file).
            using var directory = FSDirectory.Open(Path.Combine(root, "separate"));
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, ArticleIndex.CreateAnalyzer()) { UseCompoundFile = false };
            config.MergePolicy.NoCFSRatio = 0;
            using (var writer = new IndexWriter(directory, config))
            using (var builder = new ArticleDocumentBuilder())
            {
                foreach (ArticleDocument article in TestCorpus.All)
                {
                    writer.AddDocument(builder.Build(article));
                }

                writer.Commit();
                writer.DeleteDocuments(new Term("key", TestCorpus.All[0].Key));
                writer.Commit();
            }

            return root;
        }

        private static IEnumerable<(string Layout, string Folder)> Layouts(string root) =>
            [("compound", Path.Combine(root, "compound")), ("separate", Path.Combine(root, "separate"))];

        private static string Kind(string name) =>
            name.StartsWith("segments_", StringComparison.Ordinal) ? "segments_"
            : name == "segments.gen" ? name
            : name == "write.lock" ? name
            : Path.GetExtension(name);

        private static void Build(string folder)
        {
            using ArticleIndex index = ArticleIndex.OpenOrCreate(folder);
            foreach (ArticleDocument article in TestCorpus.All)
            {
                index.AddOrUpdate(article);
            }

            index.Commit();
        }
    }

    /// <summary>A copy of an index in a fresh folder, deleted on dispose.</summary>
    public sealed class TempCopy : IDisposable
    {
        public TempCopy(string source)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "danvan-damaged-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Path);
            foreach (string file in System.IO.Directory.EnumerateFiles(source))
            {
                string name = System.IO.Path.GetFileName(file);
                if (name != "write.lock")
                {
                    File.Copy(file, System.IO.Path.Combine(Path, name));
                }
            }
        }

        public string Path { get; }

        public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
    }
}
