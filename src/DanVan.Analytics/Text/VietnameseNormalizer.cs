using System.Buffers;
using DanVan.Analytics.Text.Normalization;

namespace DanVan.Analytics.Text;

/// <summary>
/// Makes the many encodings of the same Vietnamese text one: Unicode NFC with Vietnamese letters precomposed,
/// the look-alike <c>Ð</c>/<c>ð</c> written as <c>Đ</c>/<c>đ</c>, tone marks placed as <see cref="ToneStyle"/> says,
/// space separators as U+0020 and invisible characters removed.
/// </summary>
/// <remarks>
/// <para>What changes, and nothing else:</para>
/// <list type="bullet">
/// <item>Combining marks are composed (NFC). A Vietnamese vowel followed by Vietnamese marks (tone: grave, acute,
/// hook above, tilde, dot below, also the deprecated U+0340/U+0341; shape: circumflex, breve, horn) becomes
/// its precomposed letter whatever the order of the marks (NFD text, windows-1258 style ơ + tone); other
/// sequences go through the runtime's NFC.</item>
/// <item>Space separators (NBSP U+00A0, U+202F, U+2007, every other Zs) become U+0020; zero-width characters
/// (U+200B, U+200C, U+200D, U+2060, U+FEFF) and the soft hyphen (U+00AD) are removed, so that words separated or
/// split by them read the same as plain ones; U+200D stays inside an emoji sequence (👨‍👩‍👧), where it is part of the
/// picture. Tabs and line breaks stay.</item>
/// <item><c>Ð</c>/<c>ð</c> (ETH) become <c>Đ</c>/<c>đ</c> when they start a word that reads as Vietnamese
/// (Ðảng, ÐỒNG, Ðà Nẵng, Ðắk, ÐBQH); ETH inside a word (Guðrún) stays.</item>
/// <item>In a word that is a plausible Vietnamese syllable (valid initial, vowel nucleus and final; one tone mark)
/// the tone moves to its canonical vowel (see <see cref="ToneStyle"/>); other words (café, K’ré, codes) stay, and
/// so does a word glued to a URL, path, e-mail address or code (next to / \ _ @ = &amp; # % ~ | + ^ * &lt; &gt;, or
/// to a dot between letters).</item>
/// </list>
/// <para>A word here is a run of letters, digits, combining marks and removed invisibles (with apostrophes between
/// letters); every decision depends only on one word and the characters next to it. Canonical text is checked by a
/// vectorized scan and returned as the same instance without allocating.</para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class VietnameseNormalizer
{
    private const int StreamBufferSize = 64 * 1024;

    /// <summary>A normalizer with <see cref="VietnameseNormalizerOptions.Default"/>.</summary>
    public static VietnameseNormalizer Default { get; } = new(VietnameseNormalizerOptions.Default);

    private readonly ToneStyle _style;

    /// <summary>Creates a normalizer.</summary>
    /// <param name="options">The options; <see cref="VietnameseNormalizerOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tone style is not one of <see cref="ToneStyle"/>'s values.</exception>
    public VietnameseNormalizer(VietnameseNormalizerOptions? options = null)
    {
        Options = options ?? VietnameseNormalizerOptions.Default;
        if (!Enum.IsDefined(Options.ToneStyle))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.ToneStyle, "Unknown tone style.");
        }

        _style = Options.ToneStyle;
    }

    /// <summary>The options this normalizer applies.</summary>
    public VietnameseNormalizerOptions Options { get; }

    /// <summary>Normalizes <paramref name="text"/>.</summary>
    /// <returns>The same instance when <paramref name="text"/> is already canonical.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = NormalizationCore.FindFirstChange(text, _style);
        return first < 0 ? text : Rewrite(text, first, withOffsets: false).Text;
    }

    /// <summary>Normalizes <paramref name="text"/> and keeps the map back to its offsets.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public NormalizedText NormalizeWithOffsets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = NormalizationCore.FindFirstChange(text, _style);
        return first < 0 ? new NormalizedText(text, text, null) : Rewrite(text, first, withOffsets: true);
    }

    /// <summary>True when normalizing <paramref name="text"/> would change nothing.</summary>
    public bool IsNormalized(ReadOnlySpan<char> text)
    {
        int first = NormalizationCore.FindFirstChange(text, _style);
        if (first < 0)
        {
            return true;
        }

        // The fast scan is conservative (an ETH that stays, a pair that is NFC): rewrite the rest to be sure.
        ReadOnlySpan<char> rest = text[first..];
        char[] buffer = ArrayPool<char>.Shared.Rent(rest.Length + 16);
        try
        {
            while (true)
            {
                var writer = new NormalizationWriter(buffer, default);
                if (NormalizationCore.Rewrite(rest, 0, _style, ref writer) == rest.Length)
                {
                    return writer.Written.SequenceEqual(rest);
                }

                ArrayPool<char>.Shared.Return(buffer);
                buffer = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Normalizes <paramref name="source"/> into <paramref name="destination"/>, as the <c>System.Text</c> encoders do.
    /// </summary>
    /// <param name="source">The text, or the next block of it.</param>
    /// <param name="destination">Where the normalized text goes.</param>
    /// <param name="charsConsumed">How many characters of <paramref name="source"/> were read.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="isFinalBlock">False when more text follows: the text after the last whitespace is then left unread
    /// (its word may continue), and the caller passes it again at the start of the next block.</param>
    /// <returns>
    /// <see cref="OperationStatus.Done"/> when all of <paramref name="source"/> was read;
    /// <see cref="OperationStatus.DestinationTooSmall"/> when the rest did not fit (reading stops after whitespace; with
    /// nothing consumed the destination is too small for the next whitespace-delimited run: pass a larger one);
    /// <see cref="OperationStatus.NeedMoreData"/> when a non-final block ends in a run that may continue (with
    /// nothing consumed when the block holds no whitespace at all: pass a longer block).
    /// </returns>
    /// <remarks>Blocks normalized this way concatenate to exactly the normalization of the whole text.</remarks>
    public OperationStatus Normalize(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        int end = isFinalBlock ? source.Length : NormalizationCore.LastBreak(source, source.Length);
        ReadOnlySpan<char> input = source[..end];
        int first = NormalizationCore.FindFirstChange(input, _style);

        // Rewriting starts after whitespace, so that a stop for lack of room leaves whole runs for the next call.
        first = first < 0 ? end : NormalizationCore.LastBreak(input, first);
        var writer = new NormalizationWriter(destination, default);
        int prefix = first;
        if (prefix > destination.Length)
        {
            // Stop after whitespace, so that what follows is read whole next time.
            prefix = NormalizationCore.LastBreak(input, destination.Length);
        }

        writer.TryCopy(input[..prefix], 0);
        int stop = prefix < first ? prefix : NormalizationCore.Rewrite(input, first, _style, ref writer);
        charsConsumed = stop;
        charsWritten = writer.Length;
        return stop < end ? OperationStatus.DestinationTooSmall
            : end < source.Length ? OperationStatus.NeedMoreData
            : OperationStatus.Done;
    }

    /// <summary>
    /// Normalizes <paramref name="source"/>, copying only when something changes: canonical text (the common case of
    /// NFC news text) comes back as <paramref name="source"/> itself after one scan, other text is rewritten into
    /// <paramref name="buffer"/>.
    /// </summary>
    /// <param name="source">The whole text.</param>
    /// <param name="buffer">Room for the rewritten text; a little longer than <paramref name="source"/> is always enough.</param>
    /// <param name="normalized">The normalized text: <paramref name="source"/> or the start of <paramref name="buffer"/>; empty when the method returns false.</param>
    /// <returns>False when the rewritten text does not fit in <paramref name="buffer"/>.</returns>
    public bool TryNormalize(ReadOnlySpan<char> source, Span<char> buffer, out ReadOnlySpan<char> normalized)
    {
        if (NormalizationCore.FindFirstChange(source, _style) < 0)
        {
            normalized = source;
            return true;
        }

        if (Normalize(source, buffer, out _, out int written) != OperationStatus.Done)
        {
            normalized = default;
            return false;
        }

        normalized = buffer[..written];
        return true;
    }

    /// <summary>
    /// Normalizes a text of any length from <paramref name="input"/> to <paramref name="output"/> block by block,
    /// with the same result as normalizing it whole. Memory stays bounded: 64 K characters of buffer, more only
    /// for a run without whitespace that is longer, and at most 1 M characters (a longer run is cut there).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Normalize(TextReader input, TextWriter output, CancellationToken cancellationToken = default) =>
        Normalize(input, output, StreamBufferSize, cancellationToken);

    /// <summary>
    /// Normalizes a text of any length from <paramref name="input"/> to <paramref name="output"/> block by block,
    /// asynchronously, as <see cref="Normalize(TextReader, TextWriter, CancellationToken)"/> does.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="output"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task NormalizeAsync(TextReader input, TextWriter output, CancellationToken cancellationToken = default) =>
        NormalizeAsync(input, output, StreamBufferSize, cancellationToken);

    internal void Normalize(TextReader input, TextWriter output, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var state = new StreamState(bufferSize);
        try
        {
            while (!state.Finished)
            {
                cancellationToken.ThrowIfCancellationRequested();
                state.Fill(state.NeedsInput ? input.Read(state.FreeSpace) : -1);
                state.Step(this);
                output.Write(state.Output);
            }
        }
        finally
        {
            state.Dispose();
        }
    }

    internal async Task NormalizeAsync(TextReader input, TextWriter output, int bufferSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var state = new StreamState(bufferSize);
        try
        {
            while (!state.Finished)
            {
                cancellationToken.ThrowIfCancellationRequested();
                state.Fill(state.NeedsInput ? await input.ReadAsync(state.FreeMemory, cancellationToken).ConfigureAwait(false) : -1);
                state.Step(this);
                await output.WriteAsync(state.OutputMemory, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            state.Dispose();
        }
    }

    private NormalizedText Rewrite(string text, int first, bool withOffsets)
    {
        // Normalized text is rarely longer than its source (a few NFC expansions); retry bigger when it is.
        int capacity = text.Length + 16;
        while (true)
        {
            char[] buffer = ArrayPool<char>.Shared.Rent(capacity);
            int[]? map = withOffsets ? ArrayPool<int>.Shared.Rent(capacity + 1) : null;
            try
            {
                var writer = new NormalizationWriter(buffer.AsSpan(0, capacity), map is null ? default : map.AsSpan(0, capacity));
                writer.TryCopy(text.AsSpan(0, first), 0);
                if (NormalizationCore.Rewrite(text, first, _style, ref writer) < text.Length)
                {
                    capacity *= 2;
                    continue;
                }

                ReadOnlySpan<char> written = writer.Written;
                if (written.SequenceEqual(text))
                {
                    return new NormalizedText(text, text, null);
                }

                string normalized = new(written);
                return new NormalizedText(text, normalized, map is null ? null : OffsetMap(map.AsSpan(0, written.Length), text.Length));
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
                if (map is not null)
                {
                    ArrayPool<int>.Shared.Return(map);
                }
            }
        }
    }

    // Null when every character kept its offset (only 1:1 replacements), else the map with the end appended.
    private static int[]? OffsetMap(ReadOnlySpan<int> map, int originalLength)
    {
        if (map.Length == originalLength)
        {
            bool same = true;
            for (int k = 0; k < map.Length && same; k++)
            {
                same = map[k] == k;
            }

            if (same)
            {
                return null;
            }
        }

        int[] result = new int[map.Length + 1];
        map.CopyTo(result);
        result[^1] = originalLength;
        return result;
    }

    /// <summary>The buffers of a streaming normalization.</summary>
    private sealed class StreamState : IDisposable
    {
        private const int MaxRun = 1 << 20;

        private char[] _input;
        private char[] _output;
        private int _filled;
        private int _written;
        private bool _endOfInput;

        public StreamState(int bufferSize)
        {
            _input = ArrayPool<char>.Shared.Rent(bufferSize);
            _output = ArrayPool<char>.Shared.Rent(bufferSize + 16);
        }

        public bool Finished { get; private set; }

        public bool NeedsInput => !_endOfInput && _filled < _input.Length;

        public Span<char> FreeSpace => _input.AsSpan(_filled);

        public Memory<char> FreeMemory => _input.AsMemory(_filled);

        public ReadOnlySpan<char> Output => _output.AsSpan(0, _written);

        public ReadOnlyMemory<char> OutputMemory => _output.AsMemory(0, _written);

        // Records what the reader gave (-1: nothing was asked).
        public void Fill(int read)
        {
            if (read == 0)
            {
                _endOfInput = true;
            }
            else if (read > 0)
            {
                _filled += read;
            }
        }

        public void Step(VietnameseNormalizer normalizer)
        {
            // A run without whitespace longer than MaxRun is cut where the buffer ends, to keep memory bounded.
            bool final = _endOfInput || _filled >= MaxRun;
            OperationStatus status = normalizer.Normalize(_input.AsSpan(0, _filled), _output, out int consumed, out _written, final);
            _input.AsSpan(consumed, _filled - consumed).CopyTo(_input);
            _filled -= consumed;
            if (status == OperationStatus.Done && _endOfInput && _filled == 0)
            {
                Finished = true;
            }
            else if (consumed == 0 && status == OperationStatus.DestinationTooSmall)
            {
                _output = Grow(_output, _output.Length * 2);
            }
            else if (consumed == 0 && status == OperationStatus.NeedMoreData && _filled == _input.Length)
            {
                // One word fills the whole buffer: read more of it.
                char[] bigger = ArrayPool<char>.Shared.Rent(_input.Length * 2);
                _input.AsSpan(0, _filled).CopyTo(bigger);
                ArrayPool<char>.Shared.Return(_input);
                _input = bigger;
            }
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(_input);
            ArrayPool<char>.Shared.Return(_output);
        }

        private static char[] Grow(char[] old, int size)
        {
            ArrayPool<char>.Shared.Return(old);
            return ArrayPool<char>.Shared.Rent(size);
        }
    }
}
