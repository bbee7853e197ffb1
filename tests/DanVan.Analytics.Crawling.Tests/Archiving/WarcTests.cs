using System.IO.Compression;
using System.Text;
using DanVan.Analytics.Crawling.Archiving;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Crawling.Tests.Fixtures;
using DanVan.Analytics.Crawling.Urls;

namespace DanVan.Analytics.Crawling.Tests.Archiving;

public sealed class WarcTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static HttpExchange Exchange(string url, byte[] rawBody, int status = 200, string extraHeaders = "")
    {
        string head = $"HTTP/1.1 {status} OK\r\nContent-Type: text/html; charset=utf-8\r\n{extraHeaders}Content-Length: {rawBody.Length}\r\n\r\n";
        return new HttpExchange
        {
            Url = new Uri(url),
            Date = new DateTimeOffset(2025, 1, 4, 8, 30, 15, TimeSpan.Zero),
            RequestHead = Encoding.Latin1.GetBytes($"GET {new Uri(url).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(url).Authority}\r\n\r\n"),
            StatusCode = status,
            ResponseHead = Encoding.Latin1.GetBytes(head),
            Headers = [],
            RawBody = rawBody,
            Body = rawBody,
        };
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY======")]
    [InlineData("fo", "MZXQ====")]
    [InlineData("foo", "MZXW6===")]
    [InlineData("foob", "MZXW6YQ=")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI======")]
    public void Base32_Rfc4648Vectors(string input, string expected)
    {
        Assert.Equal(expected, Base32.Encode(Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void Sha1Digest_EmptyPayload_IsTheWellKnownValue()
    {
        // SHA-1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709, which web archives write as this base32 string.
        Assert.Equal("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", WarcRecord.Sha1Digest([]));
    }

    [Fact]
    public void WriteThenRead_ExchangesComeBackByteForByte()
    {
        byte[] html = Encoding.UTF8.GetBytes("<html><body><h1>Dân vận khéo</h1></body></html>");
        byte[] binary = new byte[3000];
        new Random(28500).NextBytes(binary);
        var exchanges = new[] { Exchange("http://a.vn/tin-tuc/1.html", html), Exchange("http://a.vn/img.bin", binary), Exchange("http://a.vn/gone", [], 404) };

        var positions = new List<WarcPosition>();
        using (var writer = new WarcWriter(_dir.Path, "test", info: [new("operator", "tests")]))
        {
            foreach (var exchange in exchanges)
            {
                positions.Add(writer.Write(exchange));
            }

            writer.Flush();
        }

        string file = Directory.GetFiles(_dir.Path, "*.warc.gz").Single();
        var records = WarcReader.ReadAll(file).ToList();
        Assert.Equal(["warcinfo", "request", "response", "request", "response", "request", "response"], records.Select(r => r.Type));
        Assert.Contains("operator: tests", Encoding.UTF8.GetString(records[0].Block.Span), StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(file), records[0].Field("WARC-Filename"));

        for (int i = 0; i < exchanges.Length; i++)
        {
            WarcRecord request = records[1 + (2 * i)];
            WarcRecord response = records[2 + (2 * i)];
            Assert.Equal(exchanges[i].Url.AbsoluteUri, response.TargetUri);
            Assert.Equal(exchanges[i].RequestHead, request.Block.ToArray());
            var (head, payload) = response.SplitHttp();
            Assert.Equal(exchanges[i].ResponseHead, head.ToArray());
            Assert.Equal(exchanges[i].RawBody.ToArray(), payload.ToArray());
            Assert.Equal(exchanges[i].StatusCode, response.HttpStatusCode);
            Assert.True(response.BlockDigestMatches());
            Assert.True(response.PayloadDigestMatches());
            Assert.True(request.BlockDigestMatches());
            Assert.Equal(response.RecordId, request.Field("WARC-Concurrent-To"));
            Assert.Equal(records[0].RecordId, response.Field("WARC-Warcinfo-ID"));
            Assert.Matches("^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}>$", response.RecordId);
            Assert.Equal("2025-01-04T08:30:15Z", response.Field("WARC-Date"));
            Assert.Equal("application/http;msgtype=response", response.Field("Content-Type"));
            Assert.Equal(response.Block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Field("Content-Length"));
        }

        // Each record is its own gzip member: decompressing from a returned offset starts at that record.
        foreach (var position in positions)
        {
            using var stream = File.OpenRead(file);
            stream.Position = position.Offset;
            using var reader = new WarcReader(stream);
            Assert.Equal("request", reader.Read()!.Type);
        }
    }

    [Fact]
    public void Write_OverTheSizeLimit_StartsANewFileWithItsOwnWarcinfo()
    {
        using (var writer = new WarcWriter(_dir.Path, "rot", maxFileBytes: 2000))
        {
            var body = new byte[4000];
            new Random(1).NextBytes(body); // random bytes do not compress, so each exchange passes the limit
            for (int i = 0; i < 3; i++)
            {
                writer.Write(Exchange($"http://a.vn/{i}", body));
            }

            var lengths = writer.Flush();
            Assert.Equal(3, lengths.Count);
        }

        var files = Directory.GetFiles(_dir.Path, "*.warc.gz").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, files.Count);
        Assert.All(files, f => Assert.Equal("warcinfo", WarcReader.ReadAll(f).First().Type));
    }

    [Fact]
    public void Repair_CutsUncommittedRecordsAndRemovesUnregisteredFiles()
    {
        string name;
        long committed;
        using (var writer = new WarcWriter(_dir.Path, "crash"))
        {
            writer.Write(Exchange("http://a.vn/1", "one"u8.ToArray()));
            var lengths = writer.Flush();
            name = writer.CurrentFile!;
            committed = lengths[name];
            writer.Write(Exchange("http://a.vn/2", "two"u8.ToArray()));
            writer.Flush();
        }

        // A half-written member at the end, as a kill -9 during a write would leave.
        byte[] whole = File.ReadAllBytes(Path.Combine(_dir.Path, name));
        using (var file = new FileStream(Path.Combine(_dir.Path, name), FileMode.Append))
        {
            file.Write(whole.AsSpan((int)committed, (whole.Length - (int)committed) / 2));
        }

        File.WriteAllBytes(Path.Combine(_dir.Path, "stray-00000.warc.gz"), [0x1F, 0x8B]);

        var changed = WarcWriter.Repair(_dir.Path, new Dictionary<string, long> { [name] = committed });

        Assert.Equal(2, changed.Count);
        Assert.Equal(committed, new FileInfo(Path.Combine(_dir.Path, name)).Length);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "stray-00000.warc.gz")));
        var records = WarcReader.ReadAll(Path.Combine(_dir.Path, name)).ToList();
        Assert.Equal(["http://a.vn/1"], records.Where(r => r.Type == "response").Select(r => r.TargetUri));
    }

    [Fact]
    public void Read_TruncatedRecord_ThrowsWarcFormatException()
    {
        byte[] record = Encoding.ASCII.GetBytes("WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 100\r\n\r\nshort");
        using var reader = new WarcReader(new MemoryStream(record));
        var e = Assert.Throws<WarcFormatException>(() => reader.Read());
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UncompressedFile_IsRead()
    {
        byte[] data = Encoding.ASCII.GetBytes("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 2\r\n\r\nok\r\n\r\n");
        using var reader = new WarcReader(new MemoryStream(data));
        Assert.Equal("ok", Encoding.ASCII.GetString(reader.Read()!.Block.Span));
        Assert.Null(reader.Read());
    }

    [Fact]
    public void Read_Garbage_OnlyEverThrowsWarcFormatException()
    {
        const string alphabet = "WARC/1.:\r\n Content-Length0123456789xyz";
        foreach (string text in RandomText.Strings(28500, alphabet, 3000, 200))
        {
            using var reader = new WarcReader(new MemoryStream(Encoding.ASCII.GetBytes("WARC/1.1\r\n" + text)), compressed: false);
            try
            {
                while (reader.Read() is not null)
                {
                }
            }
            catch (WarcFormatException)
            {
            }
        }

        using var gz = new WarcReader(new MemoryStream([0x1F, 0x8B, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
        Assert.Throws<WarcFormatException>(() => gz.Read());
    }

    [Fact]
    public async Task FetchedPage_ArchivedAndReadBack_HasTheSameBytesAsOnTheWire()
    {
        await using var server = await LocalServer.StartAsync();
        byte[] page = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Mặt trận Tổ quốc</p>", 100)));
        byte[] gzipped;
        using (var buffer = new MemoryStream())
        {
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(page);
            }

            gzipped = buffer.ToArray();
        }

        server.Map("/a.html", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(gzipped);
        });
        using var fetcher = new PageFetcher(new FetcherOptions { AddressPolicy = new AddressPolicy(trustedHosts: ["127.0.0.1"]) }, new HostScheduler(TimeSpan.Zero));
        FetchResult result = await fetcher.FetchAsync(server.Url("/a.html"));
        using (var writer = new WarcWriter(_dir.Path))
        {
            writer.Write(result.Response!);
        }

        WarcRecord response = WarcReader.ReadAll(Directory.GetFiles(_dir.Path).Single()).Single(r => r.Type == "response");
        Assert.Equal(gzipped, response.SplitHttp().Payload.ToArray());
        Assert.Contains("Content-Encoding: gzip\r\n", Encoding.Latin1.GetString(response.SplitHttp().Head.Span), StringComparison.Ordinal);
        Assert.Equal(server.Url("/a.html").AbsoluteUri, response.TargetUri);
        Assert.True(response.PayloadDigestMatches());
    }
}
