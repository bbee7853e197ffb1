using System.Diagnostics;
using System.Globalization;
using DanVan.Analytics.Search.Analysis;
using DanVan.Analytics.Search.Indexing;
using DanVan.Analytics.Search.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace DanVan.Benchmarks;

/// <summary>
/// Where indexing time goes, part by part, on the synthetic articles of <see cref="IndexingBenchmarks"/>: building the
/// Lucene documents, running each analyzer's token streams without indexing, and indexing with parts of the article
/// index switched off (the accent signature, the title copy in the body; stored fields, doc values and keyword fields). Not a BenchmarkDotNet run:
/// the parts run round robin, so that load from elsewhere hits them alike, and each reports its best wall time and
/// best process CPU time (which includes the JIT and GC threads) of N rounds.
/// </summary>
/// <remarks>Run with: <c>dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- indexing-probe [articles] [rounds] [filter|filter]</c>.</remarks>
internal static class IndexingProbe
{
    public static int Run(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        string[] filters = args.Length > 3 ? args[3].Split('|') : [""];
        List<ArticleDocument> articles = SyntheticArticles.Generate(count);
        long chars = articles.Sum(a => (long)a.Title.Length + ArticleDocumentMapper.Content(a).Length);
        Console.WriteLine($"{count} articles, {chars / count} characters of title and content each");

        var builder = new ArticleDocumentBuilder();
        var both = new VietnameseAnalyzer(DiacriticForms.Both);
        var accented = new VietnameseAnalyzer(DiacriticForms.Accented);
        var standard = new StandardAnalyzer(LuceneVersion.LUCENE_48);
        var parts = new List<(string Name, Func<long> Run)>
        {
            ("documents: article index (analysis and accent signature included)", () => articles.Sum(a => (long)builder.Build(a).Fields.Count)),
            ("documents: baseline", () => articles.Sum(a => (long)BaselineDocument(a).Fields.Count)),
            ("tokens: ours, both forms (title, title, content)", () => articles.Sum(a => Drain(both, a.Title) + Drain(both, a.Title) + Drain(both, ArticleDocumentMapper.Content(a)))),
            ("tokens: ours, accented only (title, title, content)", () => articles.Sum(a => Drain(accented, a.Title) + Drain(accented, a.Title) + Drain(accented, ArticleDocumentMapper.Content(a)))),
            ("tokens: StandardAnalyzer (title, body)", () => articles.Sum(a => Drain(standard, a.Title) + Drain(standard, a.Body))),
            ("index: baseline", () => Index(new StandardAnalyzer(LuceneVersion.LUCENE_48), BaselineDocument, articles)),
            ("index: article index", () => IndexArticles(articles)),
            ("index: article index, no accent signature", () => Index(ArticleIndex.CreateAnalyzer(), a => Without(builder.Build(a), ArticleFields.Accents), articles)),
            ("index: article index, no title in the body", () => Index(ArticleIndex.CreateAnalyzer(), a => WithoutTitleInBody(builder.Build(a)), articles)),
            ("index: ours, text fields only", () => Index(new VietnameseAnalyzer(DiacriticForms.Both), TextOnlyDocument, articles)),
            ("index: ours, the baseline's fields", () => Index(new VietnameseAnalyzer(DiacriticForms.Both), BaselineDocument, articles)),
            ("index: ours accented, the baseline's fields", () => Index(new VietnameseAnalyzer(DiacriticForms.Accented), BaselineDocument, articles)),
        };
        parts = parts.Where(p => filters.Any(f => p.Name.Contains(f, StringComparison.Ordinal))).ToList();

        var wall = new double[parts.Count];
        var cpu = new double[parts.Count];
        var allocated = new long[parts.Count];
        var results = new long[parts.Count];
        Array.Fill(wall, double.MaxValue);
        Array.Fill(cpu, double.MaxValue);
        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < parts.Count; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                long before = GC.GetTotalAllocatedBytes(true);
                process.Refresh();
                TimeSpan cpuBefore = process.TotalProcessorTime;
                var stopwatch = Stopwatch.StartNew();
                results[i] = parts[i].Run();
                stopwatch.Stop();
                process.Refresh();
                cpu[i] = Math.Min(cpu[i], (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                wall[i] = Math.Min(wall[i], stopwatch.Elapsed.TotalMilliseconds);
                allocated[i] = GC.GetTotalAllocatedBytes(true) - before;
            }
        }

        for (int i = 0; i < parts.Count; i++)
        {
            Console.WriteLine($"{parts[i].Name,-52} wall {wall[i],6:F0} ms  cpu {cpu[i],6:F0} ms  allocated {allocated[i] / 1e6,6:F1} MB  ({results[i]})");
        }

        return 0;
    }

    /// <summary>What <see cref="IndexingBenchmarks.StandardAnalyzer_OneForm"/> indexes.</summary>
    private static Document BaselineDocument(ArticleDocument article) =>
    [
        new StringField("key", article.Key, Field.Store.YES),
        new TextField("title", article.Title, Field.Store.YES),
        new TextField("body", article.Body, Field.Store.YES),
    ];

    /// <summary>The article index's text fields alone: nothing stored, no doc values, no keyword field but the key.</summary>
    private static Document TextOnlyDocument(ArticleDocument article) =>
    [
        new StringField("key", article.Key, Field.Store.NO),
        new TextField("title", article.Title, Field.Store.NO),
        new TextField("body", article.Title, Field.Store.NO),
        new TextField("body", ArticleDocumentMapper.Content(article), Field.Store.NO),
    ];

    private static Document Without(Document doc, string name)
    {
        doc.RemoveFields(name);
        return doc;
    }

    // The article index's second value of the body field is the title, the third the content.
    private static Document WithoutTitleInBody(Document doc)
    {
        var kept = new Document();
        int bodyValues = 0;
        foreach (IIndexableField field in doc.Fields)
        {
            if (field.Name == ArticleFields.Body && field.IndexableFieldType.IsIndexed && bodyValues++ == 0)
            {
                continue;
            }

            kept.Add(field);
        }

        return kept;
    }

    private static long Drain(Analyzer analyzer, string text)
    {
        using TokenStream stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ITermToBytesRefAttribute>();
        stream.Reset();
        long tokens = 0;
        while (stream.IncrementToken())
        {
            term.FillBytesRef();
            tokens++;
        }

        stream.End();
        return tokens;
    }

    private static long Index(Analyzer analyzer, Func<ArticleDocument, Document> map, List<ArticleDocument> articles) => InFolder(folder =>
    {
        using var directory = FSDirectory.Open(folder);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { RAMBufferSizeMB = 64 };
        using var writer = new IndexWriter(directory, config);
        foreach (ArticleDocument article in articles)
        {
            writer.UpdateDocument(new Term("key", article.Key), map(article));
        }

        writer.Commit();
        return writer.NumDocs;
    });

    private static long IndexArticles(List<ArticleDocument> articles) => InFolder(folder =>
    {
        using ArticleIndex index = ArticleIndex.OpenOrCreate(folder);
        foreach (ArticleDocument article in articles)
        {
            index.AddOrUpdate(article);
        }

        index.Commit();
        return index.Count;
    });

    private static long InFolder(Func<string, long> run)
    {
        string folder = Path.Combine(Path.GetTempPath(), "danvan-indexing-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            return run(folder);
        }
        finally
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}
