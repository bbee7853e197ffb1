using System.Security.Cryptography;
using System.Text;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Classification;
using DanVan.Analytics.Parsing;

namespace DanVan.Analytics.Crawling.Output;

/// <summary>
/// Writes the crawl's articles to a JSON Lines file in the <c>danvan parse</c> shape (<see cref="ArticleRecord"/>),
/// appending across runs and never writing a URL twice after a stop (see <see cref="ICrawlOutput"/>). A record's
/// id is the first 16 hex digits of the SHA-256 of its URL, so it is stable across runs and machines. With a
/// relevance classifier only the articles it finds relevant are written (the WARC archive still keeps every page).
/// </summary>
public sealed class JsonlArticleOutput : ICrawlOutput
{
    private readonly string _path;
    private readonly IArticleClassifier? _keepRelevant;
    private JsonlAppendFile? _file;

    /// <summary>Creates the output; the file is opened by <see cref="Recover"/>, which the crawler calls first.</summary>
    /// <param name="path">The articles JSONL file.</param>
    /// <param name="keepRelevant">When given, only the articles it classifies as relevant are written.</param>
    public JsonlArticleOutput(string path, IArticleClassifier? keepRelevant = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = path;
        _keepRelevant = keepRelevant;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Files => [_path];

    /// <summary>Articles written in this run.</summary>
    public long Written { get; private set; }

    /// <summary>Articles left out in this run because the relevance classifier found them not relevant (or without text).</summary>
    public long NotRelevant { get; private set; }

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
        ArticleRecord record = (article with { Url = page.Url }).ToRecord(IdOf(url)) with
        {
            ContentSha256 = page.ContentHash,
            WarcFile = page.Archived?.File,
            WarcRecordId = page.Archived?.ResponseRecordId,
        };
        if (_keepRelevant is not null && !IsRelevant(record))
        {
            NotRelevant++;
            return false;
        }

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

    private bool IsRelevant(ArticleRecord record)
    {
        // An article with no text has nothing to be relevant by.
        string text = record.ComposeText();
        return !string.IsNullOrWhiteSpace(text) && _keepRelevant!.Classify(text).Relevant;
    }

    /// <summary>The record id of a URL.</summary>
    /// <param name="url">The canonical URL.</param>
    /// <returns>16 lower-case hex digits.</returns>
    public static string IdOf(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];
}
