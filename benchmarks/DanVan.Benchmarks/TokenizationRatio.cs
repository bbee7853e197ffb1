using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Mathematics;

namespace DanVan.Benchmarks;

/// <summary>
/// The ratio of <see cref="TokenizationBenchmarks"/>' two main rows measured side by side: Lucene's chain and ours run
/// in turns in one process, and each round's ratio compares two runs a few hundred milliseconds apart.
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures one row after the other, minutes apart; on a shared virtual machine whose speed changes for
/// seconds at a time (a neighbour on the same physical core), the ratio of two such rows moves with it. Here both sides
/// see the same machine in every round, so the ratio is the code's. The rows' own methods are called, on the same
/// input. Run: <c>dotnet run -c Release --project benchmarks/DanVan.Benchmarks -- tokenization-ratio [rounds]</c>.
/// </remarks>
internal static class TokenizationRatio
{
    private const int DefaultRounds = 40;

    // Enough calls for both methods to reach their optimized, profile-guided code before the measured rounds.
    private const int WarmupRounds = 60;

    public static int Run(string[] args)
    {
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DefaultRounds;
        if (rounds < 1)
        {
            Console.Error.WriteLine("tokenization-ratio: the number of rounds must be at least 1.");
            return 2;
        }

        var benchmarks = new TokenizationBenchmarks();
        benchmarks.Setup();
        try
        {
            long check = 0;
            for (int i = 0; i < WarmupRounds; i++)
            {
                check += benchmarks.LuceneStandardLowerCaseAsciiFolding() + benchmarks.NormalizeTokenizeFold();
            }

            // Let the background compiler install the last optimized code before measuring.
            Thread.Sleep(500);
            var lucene = new double[rounds];
            var ours = new double[rounds];
            var ratios = new double[rounds];
            for (int i = 0; i < rounds; i++)
            {
                long start = Stopwatch.GetTimestamp();
                check += benchmarks.LuceneStandardLowerCaseAsciiFolding();
                lucene[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                check += benchmarks.NormalizeTokenizeFold();
                ours[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                ratios[i] = lucene[i] / ours[i];
            }

            var luceneTimes = new Statistics(lucene);
            var ourTimes = new Statistics(ours);
            var ratioValues = new Statistics(ratios);
            Console.WriteLine($"// {rounds} rounds after {WarmupRounds} warm-up rounds (checksum {check % 1000})");
            Console.WriteLine($"Lucene chain: median {luceneTimes.Median:F2} ms, min {luceneTimes.Min:F2} ms");
            Console.WriteLine($"ours:         median {ourTimes.Median:F2} ms, min {ourTimes.Min:F2} ms");
            Console.WriteLine($"ratio per round: median {ratioValues.Median:F2}x, lowest {ratioValues.Min:F2}x, "
                + $"10th percentile {ratioValues.Percentiles.Percentile(10):F2}x, highest {ratioValues.Max:F2}x");
            Console.WriteLine($"rounds at 10x or more: {ratios.Count(r => r >= 10)} of {rounds}");
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
