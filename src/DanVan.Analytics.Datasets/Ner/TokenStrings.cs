using System.Collections.Concurrent;

namespace DanVan.Analytics.Datasets.Ner;

/// <summary>
/// One string per distinct token text, shared by every sentence row of a run: Vietnamese text is written with a few
/// thousand syllables, so a dataset's million tokens need a few thousand strings instead of a million short-lived ones
/// (which the Parquet row groups would otherwise keep alive long enough to be copied through every GC generation).
/// </summary>
/// <remarks>Thread-safe. Bounded: past <see cref="Capacity"/> distinct texts (numbers, names), new texts get their own string.</remarks>
internal sealed class TokenStrings
{
    /// <summary>The most distinct texts kept (about 5 MB of short strings).</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int _count;

    public TokenStrings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared string for <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out string? shared))
        {
            return shared;
        }

        string fresh = text.ToString();
        if (Volatile.Read(ref _count) >= Capacity)
        {
            return fresh;
        }

        if (_strings.TryAdd(fresh, fresh))
        {
            Interlocked.Increment(ref _count);
            return fresh;
        }

        return _strings.TryGetValue(fresh, out shared) ? shared : fresh;
    }
}
