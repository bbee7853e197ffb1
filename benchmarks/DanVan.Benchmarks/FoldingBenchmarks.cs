using BenchmarkDotNet.Attributes;
using DanVan.Analytics.Text;

namespace DanVan.Benchmarks;

/// <summary>
/// <see cref="VietnameseFolder"/> on ~10 MB of canonical corpus text, into a caller's buffer (no allocation) and
/// as a string; the baseline is the runtime's <see cref="string.ToLowerInvariant()"/>, which folds nothing else.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Utf8ThroughputConfig))]
public class FoldingBenchmarks
{
    private string _canonical = string.Empty;
    private char[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        _canonical = VietnameseNormalizer.Default.Normalize(BenchmarkCorpus.RepeatedSeeds(Utf8ThroughputConfig.TargetChars));
        _destination = new char[_canonical.Length];
    }

    [Benchmark(Baseline = true)]
    public string ToLowerInvariant() => _canonical.ToLowerInvariant();

    [Benchmark]
    public int Fold_Span() => VietnameseFolder.Fold(_canonical, _destination);

    [Benchmark]
    public string Fold_String() => VietnameseFolder.Fold(_canonical);
}
