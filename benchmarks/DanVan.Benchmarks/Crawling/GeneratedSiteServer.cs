using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DanVan.Benchmarks.Crawling;

/// <summary>
/// A minimal HTTP/1.1 keep-alive server on 127.0.0.1 serving a generated news site of N article pages for the crawl
/// soak: page i links to pages 2i+1 and 2i+2 (so the crawl discovers all of them) and to two pages elsewhere in the
/// site (so most links are already-known URLs, as on a real site). Bodies are built from the corpus seed texts.
/// A plain socket server keeps ASP.NET out of the benchmarks project; it only understands GET.
/// </summary>
internal sealed class GeneratedSiteServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _pages;
    private readonly string[] _paragraphs;
    private long _requests;

    public GeneratedSiteServer(int pages, IReadOnlyList<string> seedTexts)
    {
        _pages = pages;
        _paragraphs = seedTexts.SelectMany(t => t.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(p => p.Length > 80).ToArray();
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public long Requests => Interlocked.Read(ref _requests);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            client.NoDelay = true;
            NetworkStream stream = client.GetStream();
            var buffer = new byte[8192];
            int filled = 0;
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    int end;
                    while ((end = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                    {
                        int read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                        if (read == 0 || filled + read >= buffer.Length)
                        {
                            return;
                        }

                        filled += read;
                    }

                    string head = Encoding.ASCII.GetString(buffer, 0, end);
                    int headLength = end + 4;
                    Buffer.BlockCopy(buffer, headLength, buffer, 0, filled - headLength);
                    filled -= headLength;
                    Interlocked.Increment(ref _requests);
                    string path = head.Split(' ', 3) is [_, var target, _] ? target : "/";
                    (int status, string type, byte[] body) = Page(path);
                    byte[] responseHead = Encoding.ASCII.GetBytes(
                        $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Not Found")}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\n\r\n");
                    await stream.WriteAsync(responseHead, _stop.Token);
                    await stream.WriteAsync(body, _stop.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
                // The crawler closed the connection.
            }
        }
    }

    private (int Status, string Type, byte[] Body) Page(string path)
    {
        if (path == "/")
        {
            path = "/tin/0.html";
        }

        if (!path.StartsWith("/tin/", StringComparison.Ordinal) || !path.EndsWith(".html", StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(5, path.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i >= _pages)
        {
            return (404, "text/plain", "not found"u8.ToArray());
        }

        var html = new StringBuilder(4096);
        string title = _paragraphs[i % _paragraphs.Length];
        title = title[..Math.Min(90, title.Length)];
        html.Append("<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'><title>").Append(WebUtility.HtmlEncode(title))
            .Append(" - Báo thử</title></head><body><nav><a href='/'>Trang chủ</a></nav><article><h1>").Append(WebUtility.HtmlEncode(title)).Append("</h1>");
        for (int k = 1; k <= 4; k++)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(_paragraphs[(i + (k * 7)) % _paragraphs.Length])).Append("</p>");
        }

        html.Append("</article><ul>");
        foreach (long link in new[] { (2L * i) + 1, (2L * i) + 2, (i * 7919L) % _pages, (i + 13L) % _pages })
        {
            if (link < _pages)
            {
                html.Append("<li><a href='/tin/").Append(link.ToString(CultureInfo.InvariantCulture)).Append(".html'>Tin liên quan</a></li>");
            }
        }

        html.Append("</ul></body></html>");
        return (200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html.ToString()));
    }
}
