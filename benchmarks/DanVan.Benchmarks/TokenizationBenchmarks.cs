using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DanVan.Analytics.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Token = DanVan.Analytics.Text.Token;

namespace DanVan.Benchmarks;

/// <summary>
/// The indexing chain on the seed corpus repeated to about 10 MB: normalize, tokenize and fold every token,
/// against Lucene.Net's StandardTokenizer + LowerCaseFilter + ASCIIFoldingFilter and against the naive
/// <c>string.Normalize(FormD)</c> + strip marks + lower case. The MB/s column is UTF-8 bytes of input per second.
/// </summary>
/// <remarks>
/// Quick run on 2 cores (a few minutes):
/// <c>dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- --filter '*TokenizationBenchmarks*' --job short</c>.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Utf8ThroughputConfig))]
public class TokenizationBenchmarks
{
    /// <summary>The size of the input in characters.</summary>
    public const int InputChars = 10_000_000;

    private const int StackFoldLength = 256;

    private string _input = "";
    private string _canonical = "";
    private Analyzer _lucene = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkCorpus.RepeatedSeeds(InputChars);
        _canonical = VietnameseNormalizer.Default.Normalize(_input);
        _lucene = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream chain = new ASCIIFoldingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, source));
            return new TokenStreamComponents(source, chain);
        });
        Console.WriteLine($"// input: {_input.Length:N0} chars, {Encoding.UTF8.GetByteCount(_input):N0} UTF-8 bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    /// <summary>Lucene.Net: StandardTokenizer + LowerCaseFilter + ASCIIFoldingFilter, the analyzer reusing its components.</summary>
    [Benchmark(Baseline = true)]
    public long LuceneStandardLowerCaseAsciiFolding()
    {
        long sum = 0;
        TokenStream stream = _lucene.GetTokenStream("text", new StringReader(_input));
        try
        {
            ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                sum += term.Length + term.Buffer[0];
            }

            stream.End();
        }
        finally
        {
            stream.Dispose();
        }

        return sum;
    }

    /// <summary>The naive way: decompose, drop the combining marks, lower-case, for the whole text.</summary>
    [Benchmark]
    public long NaiveFormDStripMarksLowerCase()
    {
        string decomposed = _input.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.Length;
    }

    /// <summary>Ours: normalize, tokenize, fold every token into a stack buffer.</summary>
    [Benchmark]
    public long NormalizeTokenizeFold()
    {
        string text = VietnameseNormalizer.Default.Normalize(_input);
        Span<char> buffer = stackalloc char[StackFoldLength];
        long sum = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            ReadOnlySpan<char> surface = text.AsSpan(token.Start, token.Length);
            if (surface.Length <= buffer.Length)
            {
                int written = VietnameseFolder.Fold(surface, buffer);
                sum += written + (written > 0 ? buffer[0] : 0);
            }
            else
            {
                sum += FoldLong(surface);
            }
        }

        return sum;
    }

    /// <summary>The tokenizer alone.</summary>
    [Benchmark]
    public long Tokenize()
    {
        long sum = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(_canonical))
        {
            sum += token.Length + (int)token.Kind;
        }

        return sum;
    }

    /// <summary>The normalizer on text that is already canonical (the common case: NFC news text).</summary>
    [Benchmark]
    public long NormalizeCanonical() => VietnameseNormalizer.Default.Normalize(_canonical).Length;

    // Tokens longer than the stack buffer (long URLs, runs without spaces) fold into a pooled array.
    private static int FoldLong(ReadOnlySpan<char> surface)
    {
        char[] rented = ArrayPool<char>.Shared.Rent(surface.Length);
        int written = VietnameseFolder.Fold(surface, rented);
        ArrayPool<char>.Shared.Return(rented);
        return written;
    }

    private sealed class Utf8ThroughputConfig : ManualConfig
    {
        public Utf8ThroughputConfig() => AddColumn(new Utf8ThroughputColumn());
    }

    // MB/s of UTF-8 input: the input's UTF-8 byte count over the mean time of one call.
    private sealed class Utf8ThroughputColumn : IColumn
    {
        private readonly Lazy<long> _bytes = new(() => Encoding.UTF8.GetByteCount(BenchmarkCorpus.RepeatedSeeds(InputChars)));

        public string Id => nameof(Utf8ThroughputColumn);

        public string ColumnName => "UTF-8 MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "UTF-8 megabytes (10^6 bytes) of input processed per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return meanNs is > 0 ? (_bytes.Value / (meanNs.Value / 1e9) / 1e6).ToString("N0", CultureInfo.InvariantCulture) : "NA";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
