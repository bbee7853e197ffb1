using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
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
/// The indexing chain on the seed corpus repeated to about 10 MB of UTF-8: normalize, tokenize and fold every token,
/// against Lucene.Net's StandardTokenizer + LowerCaseFilter + ASCIIFoldingFilter and against the naive
/// <c>string.Normalize(FormD)</c> + strip marks + lower case. The MB/s column (shared with the normalization
/// benchmarks) is UTF-8 bytes of the normalized corpus per second.
/// </summary>
/// <remarks>
/// Every method reads the canonical corpus (the seeds normalized once in the setup: their no-break spaces become
/// spaces), the common case of NFC news text, except <see cref="NormalizeTokenizeFoldRaw"/>, which reads the seeds as
/// they are so that the normalizer has to rewrite. Ours rewrites (when it must) and folds into character buffers that live across calls
/// (as an indexing adapter keeps one per field), so nothing is allocated per call or per token.
/// Quick run on 2 cores (a few minutes):
/// <c>dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- --filter '*TokenizationBenchmarks*' --job short</c>.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Utf8ThroughputConfig))]
public class TokenizationBenchmarks
{
    private const int StackFoldLength = 256;

    private string _raw = "";
    private string _canonical = "";
    private char[] _normalized = [];
    private char[] _folded = [];
    private Analyzer _lucene = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = BenchmarkCorpus.RepeatedSeeds(Utf8ThroughputConfig.TargetChars);
        _canonical = VietnameseNormalizer.Default.Normalize(_raw);
        _normalized = new char[_raw.Length + (_raw.Length / 4)];
        _folded = new char[_normalized.Length];
        _lucene = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(LuceneVersion.LUCENE_48, reader);
            TokenStream chain = new ASCIIFoldingFilter(new LowerCaseFilter(LuceneVersion.LUCENE_48, source));
            return new TokenStreamComponents(source, chain);
        });
        Console.WriteLine($"// input: {_canonical.Length:N0} chars, {Encoding.UTF8.GetByteCount(_canonical):N0} UTF-8 bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => _lucene.Dispose();

    /// <summary>Lucene.Net: StandardTokenizer + LowerCaseFilter + ASCIIFoldingFilter, the analyzer reusing its components.</summary>
    [Benchmark(Baseline = true)]
    public long LuceneStandardLowerCaseAsciiFolding()
    {
        long sum = 0;
        TokenStream stream = _lucene.GetTokenStream("text", new StringReader(_canonical));
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
        string decomposed = _canonical.Normalize(NormalizationForm.FormD);
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

    /// <summary>
    /// Ours, the recommended pipeline: <see cref="VietnameseNormalizer.TryNormalize"/> (one scan; a rewrite into the
    /// reused buffer only when the text is not canonical), then <see cref="SyllableTokenizer.TokenizeFolded"/>, which
    /// yields every token with its offsets, kind and folded form.
    /// </summary>
    [Benchmark]
    public long NormalizeTokenizeFold() => NormalizeTokenizeFold(_canonical);

    /// <summary>Ours on the seeds as they are, which the normalizer has to rewrite (no-break spaces).</summary>
    [Benchmark]
    public long NormalizeTokenizeFoldRaw() => NormalizeTokenizeFold(_raw);

    /// <summary>
    /// The plain composition: normalize into the reused buffer, tokenize, one <see cref="VietnameseFolder.Fold(ReadOnlySpan{char}, Span{char})"/>
    /// call per token into a stack buffer (the chain before <see cref="SyllableTokenizer.TokenizeFolded"/>).
    /// </summary>
    [Benchmark]
    public long NormalizeTokenizeFoldPerToken()
    {
        ReadOnlySpan<char> text = NormalizeIntoBuffer(_canonical);
        Span<char> buffer = stackalloc char[StackFoldLength];
        long sum = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            ReadOnlySpan<char> surface = text.Slice(token.Start, token.Length);
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

    /// <summary>
    /// Ours, folding the normalized text whole instead of token by token: folding normalized text keeps every offset,
    /// so a token's folded form is the same span of the folded buffer (what an indexing adapter can copy into its term).
    /// </summary>
    [Benchmark]
    public long NormalizeFoldWholeTokenize()
    {
        ReadOnlySpan<char> text = NormalizeIntoBuffer(_canonical);
        int length = text.Length;
        if (VietnameseFolder.Fold(text, _folded) != length)
        {
            throw new InvalidOperationException("Folding normalized text changed its length.");
        }

        ReadOnlySpan<char> folded = _folded.AsSpan(0, length);
        long sum = 0;
        foreach (Token token in SyllableTokenizer.Tokenize(text))
        {
            sum += token.Length + folded[token.Start];
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

    private long NormalizeTokenizeFold(string input)
    {
        if (!VietnameseNormalizer.Default.TryNormalize(input, _normalized, out ReadOnlySpan<char> text))
        {
            throw new InvalidOperationException("The normalization buffer is too small.");
        }

        long sum = 0;
        foreach (FoldedToken token in SyllableTokenizer.TokenizeFolded(text, _folded))
        {
            ReadOnlySpan<char> folded = token.Folded;
            sum += folded.Length + (folded.Length > 0 ? folded[0] : 0) + (int)token.Token.Kind;
        }

        return sum;
    }

    // The plain span overload: scans, then copies the text into the buffer even when it is canonical.
    private ReadOnlySpan<char> NormalizeIntoBuffer(string input)
    {
        OperationStatus status = VietnameseNormalizer.Default.Normalize(input, _normalized, out _, out int length);
        if (status != OperationStatus.Done)
        {
            throw new InvalidOperationException($"The normalization buffer is too small ({status}).");
        }

        return _normalized.AsSpan(0, length);
    }

    // Tokens longer than the stack buffer (long URLs, runs without spaces) fold into a pooled array.
    private static int FoldLong(ReadOnlySpan<char> surface)
    {
        char[] rented = ArrayPool<char>.Shared.Rent(surface.Length);
        int written = VietnameseFolder.Fold(surface, rented);
        ArrayPool<char>.Shared.Return(rented);
        return written;
    }
}
