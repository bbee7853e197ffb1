using System.Buffers;
using System.Text;
using DanVan.Analytics.Text;

namespace DanVan.Analytics.Tests.Text;

public sealed class VietnameseNormalizerStreamingTests
{
    private static readonly VietnameseNormalizer Old = VietnameseNormalizer.Default;
    private static readonly VietnameseNormalizer New = new(new VietnameseNormalizerOptions { ToneStyle = ToneStyle.New });

    // NFD, Ð, New style, NBSP, invisibles, a URL and a combining sequence of another script, all in one.
    private static readonly string s_messy = TextPerturbations.ToNfd(
        "\u00D0ảng\u00A0ủy Thành phố Hà Nội: hoà\u200B nhập, khoẻ mạnh, thuỷ lợi; Uỷ ban HÐND xem https://x.vn/hòa=1 " +
        "“người” việt K’ré café =\u0338 \u1100\u1161\u11A8 quý giữ gì ngoài khuỷu.\n\tHết.");

    [Fact]
    public void Normalize_SpanIntoLargeBuffer_EqualsStringNormalize()
    {
        char[] destination = new char[s_messy.Length * 2];
        OperationStatus status = Old.Normalize(s_messy, destination, out int consumed, out int written);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal(s_messy.Length, consumed);
        Assert.Equal(Old.Normalize(s_messy), new string(destination, 0, written));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    public void Normalize_TinyBlocks_ConcatenateToTheWholeNormalization(int blockSize)
    {
        foreach (VietnameseNormalizer normalizer in new[] { Old, New })
        {
            Assert.Equal(normalizer.Normalize(s_messy), NormalizeInBlocks(normalizer, s_messy, blockSize, destinationSize: 64));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(9)]
    public void Normalize_TinyDestination_StopsAfterWhitespaceAndResumes(int destinationSize)
    {
        Assert.Equal(Old.Normalize(s_messy), NormalizeInBlocks(Old, s_messy, s_messy.Length, destinationSize));
    }

    [Fact]
    public void Normalize_NonFinalBlockEndingInAWord_LeavesTheWordForTheNextBlock()
    {
        char[] destination = new char[32];
        OperationStatus status = Old.Normalize("Ban ho", destination, out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(4, consumed);
        Assert.Equal("Ban ", new string(destination, 0, written));

        status = Old.Normalize("hoà nhập", destination, out consumed, out written, isFinalBlock: true);
        Assert.Equal(OperationStatus.Done, status);
        Assert.Equal("hòa nhập", new string(destination, 0, written));
    }

    [Fact]
    public void Normalize_NonFinalBlockWithoutWhitespace_NeedsMoreDataAndConsumesNothing()
    {
        OperationStatus status = Old.Normalize("Thànhphố", new char[32], out int consumed, out int written, isFinalBlock: false);
        Assert.Equal(OperationStatus.NeedMoreData, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }

    [Fact]
    public void Normalize_BlockEndingBeforeACombiningMark_KeepsTheBaseForTheNextBlock()
    {
        // "= " then U+0338 in the next block: the space must wait, as any character a mark could join.
        string text = "a =\u0338 b";
        Assert.Equal(Old.Normalize(text), NormalizeInBlocks(Old, text, 3, 16));
    }

    [Fact]
    public void Normalize_DestinationTooSmallForOneWord_ConsumesNothing()
    {
        OperationStatus status = Old.Normalize("Thànhphố", new char[3], out int consumed, out int written);
        Assert.Equal(OperationStatus.DestinationTooSmall, status);
        Assert.Equal(0, consumed);
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void Normalize_TextReaderWithSmallBuffers_EqualsStringNormalize(int bufferSize)
    {
        string text = string.Concat(Enumerable.Repeat(s_messy + " ", 50));
        var output = new StringWriter();
        Old.Normalize(new StringReader(text), output, bufferSize, CancellationToken.None);
        Assert.Equal(Old.Normalize(text), output.ToString());
    }

    [Fact]
    public void Normalize_TextReaderWithAWordLongerThanTheBuffer_GrowsAndStaysExact()
    {
        string text = "đầu " + string.Concat(Enumerable.Repeat("hoàthuỷ", 200)) + " hoà";
        var output = new StringWriter();
        Old.Normalize(new StringReader(text), output, 16, CancellationToken.None);
        Assert.Equal(Old.Normalize(text), output.ToString());
    }

    [Fact]
    public void Normalize_TextReaderWithARunBeyondTheBufferCap_CutsItAndGoesOn()
    {
        // 1.5 M characters without whitespace: the buffer stops growing at 1 M and normalizes what it holds.
        string text = "hoà " + new string('x', 1_500_000) + "a\u0300 hoà";
        var output = new StringWriter();
        Old.Normalize(new StringReader(text), output);
        Assert.Equal(Old.Normalize(text), output.ToString());
    }

    [Fact]
    public async Task NormalizeAsync_TextReader_EqualsStringNormalize()
    {
        string text = string.Concat(Enumerable.Repeat(s_messy + "\n", 200));
        var output = new StringWriter();
        await New.NormalizeAsync(new StringReader(text), output);
        Assert.Equal(New.Normalize(text), output.ToString());
    }

    [Fact]
    public async Task NormalizeAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Old.NormalizeAsync(new StringReader(s_messy), new StringWriter(), cancellation.Token));
    }

    [Fact]
    public void Normalize_HundredMegabytesThroughTextReader_StreamsWithBoundedMemory()
    {
        string chunk = TextPerturbations.ToNfd(string.Join("\n\n", RepositoryPaths.SeedTexts().Select(s => s.Text))) + "\n\n";
        string expectedChunk = Old.Normalize(chunk);
        int repeats = (100_000_000 / chunk.Length) + 1;
        var reader = new RepeatingReader(chunk, repeats);
        var writer = new CheckingWriter(expectedChunk);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Old.Normalize(reader, writer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal((long)expectedChunk.Length * repeats, writer.Checked);
        Assert.True(allocated < 4_000_000, $"{allocated:N0} bytes allocated for {(long)chunk.Length * repeats:N0} characters");
    }

    private static string NormalizeInBlocks(VietnameseNormalizer normalizer, string text, int blockSize, int destinationSize)
    {
        var result = new StringBuilder();
        char[] destination = new char[destinationSize];
        int position = 0;
        int available = Math.Min(blockSize, text.Length);
        for (int guard = 0; guard < 100_000; guard++)
        {
            bool final = position + available == text.Length;
            OperationStatus status = normalizer.Normalize(text.AsSpan(position, available), destination, out int consumed, out int written, final);
            result.Append(destination, 0, written);
            position += consumed;
            available -= consumed;
            if (status == OperationStatus.Done && final)
            {
                return result.ToString();
            }

            if (status == OperationStatus.DestinationTooSmall && consumed == 0)
            {
                destination = new char[destination.Length * 2];
            }
            else if (status == OperationStatus.NeedMoreData || available == 0)
            {
                available = Math.Min(available + blockSize, text.Length - position);
            }
        }

        throw new InvalidOperationException("No progress.");
    }

    /// <summary>A reader that yields one chunk many times without holding the whole text.</summary>
    private sealed class RepeatingReader(string chunk, int repeats) : TextReader
    {
        private int _repeat;
        private int _offset;

        public override int Read(Span<char> buffer)
        {
            if (_repeat == repeats)
            {
                return 0;
            }

            int count = Math.Min(buffer.Length, chunk.Length - _offset);
            chunk.AsSpan(_offset, count).CopyTo(buffer);
            _offset += count;
            if (_offset == chunk.Length)
            {
                _offset = 0;
                _repeat++;
            }

            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }

    /// <summary>A writer that compares what it gets with one chunk repeated, keeping nothing.</summary>
    private sealed class CheckingWriter(string expectedChunk) : TextWriter
    {
        public long Checked { get; private set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write([value]);

        public override void Write(ReadOnlySpan<char> buffer)
        {
            while (!buffer.IsEmpty)
            {
                int offset = (int)(Checked % expectedChunk.Length);
                int count = Math.Min(buffer.Length, expectedChunk.Length - offset);
                if (!buffer[..count].SequenceEqual(expectedChunk.AsSpan(offset, count)))
                {
                    throw new InvalidOperationException($"Output differs near character {Checked:N0}.");
                }

                Checked += count;
                buffer = buffer[count..];
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));
    }
}
