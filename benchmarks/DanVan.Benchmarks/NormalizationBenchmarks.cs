using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using DanVan.Analytics.Text;

namespace DanVan.Benchmarks;

/// <summary>
/// <see cref="VietnameseNormalizer"/> on ~10 MB of corpus text (the seeds repeated): already canonical (the fast path
/// that returns the same instance), NFD, New tone style with NBSP, and the runtime's NFC as the baseline.
/// Throughput is MB/s of the UTF-8 bytes of the canonical text.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Utf8ThroughputConfig))]
public class NormalizationBenchmarks
{
    private readonly VietnameseNormalizer _normalizer = VietnameseNormalizer.Default;
    private string _canonical = string.Empty;
    private string _nfd = string.Empty;
    private string _newStyleNbsp = string.Empty;
    private char[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        _canonical = VietnameseNormalizer.Default.Normalize(BenchmarkCorpus.RepeatedSeeds(Utf8ThroughputConfig.TargetChars));
        _nfd = _canonical.Normalize(NormalizationForm.FormD);
        _newStyleNbsp = new VietnameseNormalizer(new VietnameseNormalizerOptions { ToneStyle = ToneStyle.New })
            .Normalize(_canonical).Replace(' ', '\u00A0');
        _destination = new char[_canonical.Length * 2];
    }

    [Benchmark(Baseline = true)]
    public string RuntimeNfc_Canonical() => _canonical.Normalize(NormalizationForm.FormC);

    [Benchmark]
    public string Normalize_Canonical() => _normalizer.Normalize(_canonical);

    [Benchmark]
    public bool IsNormalized_Canonical() => _normalizer.IsNormalized(_canonical);

    [Benchmark]
    public string Normalize_Nfd() => _normalizer.Normalize(_nfd);

    [Benchmark]
    public string Normalize_NewStyleWithNbsp() => _normalizer.Normalize(_newStyleNbsp);

    [Benchmark]
    public int NormalizeSpan_Nfd()
    {
        _normalizer.Normalize(_nfd, _destination, out _, out int written);
        return written;
    }

    [Benchmark]
    public NormalizedText NormalizeWithOffsets_Nfd() => _normalizer.NormalizeWithOffsets(_nfd);
}

/// <summary>The corpus size and the MB/s column shared by the normalization and folding benchmarks.</summary>
public sealed class Utf8ThroughputConfig : ManualConfig
{
    /// <summary>About 10 MB of UTF-8.</summary>
    public const int TargetChars = 8_000_000;

    public Utf8ThroughputConfig()
    {
        AddColumn(new Utf8ThroughputColumn());
    }

    private sealed class Utf8ThroughputColumn : IColumn
    {
        private static readonly Lazy<long> s_bytes = new(() =>
            Encoding.UTF8.GetByteCount(VietnameseNormalizer.Default.Normalize(BenchmarkCorpus.RepeatedSeeds(TargetChars))));

        public string Id => nameof(Utf8ThroughputColumn);

        public string ColumnName => "MB/s (UTF-8)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (10^6) of UTF-8 corpus text per second: corpus bytes / mean time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport? report = summary[benchmarkCase];
            double? meanNs = report?.ResultStatistics?.Mean;
            return meanNs is > 0 ? (s_bytes.Value / 1e6 / (meanNs.Value / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
