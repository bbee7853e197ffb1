using System.Security.Cryptography;
using System.Text;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Parsing;

namespace DanVan.Analytics.Crawling.Output;

/// <summary>
/// Writes the crawl's articles to a JSON Lines file in the <c>danvan parse</c> shape (<see cref="ArticleRecord"/>),
/// appending across runs and never writing a URL twice after a stop (see <see cref="ICrawlOutput"/>). A record's
/// id is the first 16 hex digits of the SHA-256 of its URL, so it is stable across runs and machines.
/// </summary>
public sealed class JsonlArticleOutput : ICrawlOutput
{
    private readonly string _path;
    private JsonlAppendFile? _file;

    /// <summary>Creates the output; the file is opened by <see cref="Recover"/>, which the crawler calls first.</summary>
    /// <param name="path">The articles JSONL file.</param>
    public JsonlArticleOutput(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Files => [_path];

    /// <summary>Articles written in this run.</summary>
    public long Written { get; private set; }

    /// <inheritdoc />
    public void Recover(IReadOnlyCollection<string> inFlightUrls)
    {
        _file?.Dispose();
        _file = JsonlAppendFile.Open(_path, inFlightUrls);
    }

    /// <inheritdoc />
    public bool Write(CrawledPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.IsOutputCandidate || page.Article is not { } article)
        {
            return false;
        }

        _file ??= JsonlAppendFile.Open(_path, []);
        string url = page.Url.AbsoluteUri;
        ArticleRecord record = (article with { Url = page.Url }).ToRecord(IdOf(url)) with { ContentSha256 = page.ContentHash };
        if (!_file.Append(url, ArticleRecordJson.Serialize(record)))
        {
            return false;
        }

        Written++;
        return true;
    }

    /// <inheritdoc />
    public void Flush() => _file?.Flush();

    /// <inheritdoc />
    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }

    /// <summary>The record id of a URL.</summary>
    /// <param name="url">The canonical URL.</param>
    /// <returns>16 lower-case hex digits.</returns>
    public static string IdOf(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
}
