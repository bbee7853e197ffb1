using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using DanVan.Analytics.Parsing;

namespace DanVan.Benchmarks;

/// <summary>
/// <see cref="ArticleParser.Parse(ReadOnlyMemory{byte}, Uri?, string?, CancellationToken)"/> on whole pages: the two real
/// vnexpress pages of the shared data set (220 and 250 KB) and the hand-written fixtures of corpus/html (8–20 KB).
/// One operation is one page, bytes to article; the baseline is the AngleSharp parse alone of the same page.
/// </summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private readonly ArticleParser _parser = new();
    private readonly AngleSharp.Html.Parser.HtmlParser _htmlParser = new();
    private byte[] _page = [];
    private string _text = string.Empty;

    /// <summary>The page to parse.</summary>
    [Params("vnexpress-4672302.html", "vnexpress-4954454.html.gz", "party-enewspaper-hagiang.html", "provincial-portal-hanoi.html")]
    public string Page { get; set; } = string.Empty;

    /// <summary>Loads (and inflates) the page.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string shared = Path.GetFullPath(Path.Combine(BenchmarkCorpus.Directory, "..", "..", "shared", "html", Page));
        string path = File.Exists(shared) ? shared : Path.Combine(BenchmarkCorpus.Directory, "html", Page);
        byte[] bytes = File.ReadAllBytes(path);
        if (path.EndsWith(".gz", StringComparison.Ordinal))
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            gzip.CopyTo(inflated);
            bytes = inflated.ToArray();
        }

        _page = bytes;
        _text = System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>AngleSharp's own parse of the decoded page, with default options: the floor any DOM-based parser pays.</summary>
    [Benchmark(Baseline = true)]
    public int AngleSharpOnly() => _htmlParser.ParseDocument(_text).Body?.ChildElementCount ?? 0;

    /// <summary>The whole parse: charset, prescan, DOM, metadata, content detection, normalization.</summary>
    [Benchmark]
    public Article ParseArticle() => _parser.Parse(_page);
}
