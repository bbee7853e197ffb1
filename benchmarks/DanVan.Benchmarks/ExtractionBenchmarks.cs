using System.Text;
using BenchmarkDotNet.Attributes;
using DanVan.Analytics.Extraction;
using DanVan.Analytics.Text;

namespace DanVan.Benchmarks;

/// <summary>
/// The whole extraction pipeline — normalize, tokenize, extract documents, model counts and officials — over the
/// seed articles, one <see cref="ArticleExtractor.Extract"/> call per article (<c>Articles</c>: the five seeds once,
/// about 29,000 characters) or over the seeds repeated into one 1 MB text (<c>Repeated1MB</c>). The baseline
/// normalizes and tokenizes the same input without extracting, so the difference is the extractors' cost.
/// Throughput: UTF-8 bytes of input (printed at setup) divided by the mean.
/// </summary>
/// <remarks>
/// Quick run: <c>dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- --filter '*ExtractionBenchmarks*' --job short</c>.
/// </remarks>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string[] _texts = [];

    /// <summary>The input: the seed articles one by one, or the seeds repeated into one 1 MB text.</summary>
    [Params("Articles", "Repeated1MB")]
    public string Input { get; set; } = "Articles";

    [GlobalSetup]
    public void Setup()
    {
        _texts = Input == "Articles"
            ? Directory.EnumerateFiles(Path.Combine(BenchmarkCorpus.Directory, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray()
            : [BenchmarkCorpus.RepeatedSeeds(1 << 20)];
        long bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// {Input}: {_texts.Length} text(s), {_texts.Sum(t => (long)t.Length):N0} chars, {bytes:N0} UTF-8 bytes per operation");
    }

    /// <summary>Normalize with offsets and tokenize: the text core the extractor stands on.</summary>
    [Benchmark(Baseline = true)]
    public long NormalizeAndTokenize()
    {
        long sum = 0;
        foreach (string text in _texts)
        {
            NormalizedText normalized = VietnameseNormalizer.Default.NormalizeWithOffsets(text);
            foreach (Token token in SyllableTokenizer.Tokenize(normalized.Text))
            {
                sum += token.Length;
            }
        }

        return sum;
    }

    /// <summary>The full pipeline: <see cref="ArticleExtractor.Extract"/> per text.</summary>
    [Benchmark]
    public long Extract()
    {
        long sum = 0;
        foreach (string text in _texts)
        {
            ExtractionResult result = ArticleExtractor.Default.Extract(text);
            sum += result.Documents.Count + result.ModelCounts.Count + result.Officials.Count;
        }

        return sum;
    }
}
