using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DanVan.Analytics.Datasets.Card;
using DanVan.Analytics.Datasets.Dedupe;
using DanVan.Analytics.Datasets.Ner;
using DanVan.Analytics.Datasets.Sources;
using DanVan.Analytics.Datasets.Splits;
using DanVan.Analytics.Datasets.Tables;
using DanVan.Analytics.Extraction;

namespace DanVan.Analytics.Datasets;

/// <summary>
/// Writes an extraction dataset from a stream of articles: the fact tables (<c>articles</c>, <c>documents</c>,
/// <c>model_counts</c>, <c>officials</c>) in each asked format, the token-level set (<c>ner/{split}.conll</c>,
/// <c>.jsonl</c>, <c>.parquet</c>), <c>duplicates.jsonl</c>, the dataset card <c>README.md</c> and <c>manifest.json</c>.
/// </summary>
/// <remarks>
/// <para>Streaming: articles are read, extracted (a small batch in parallel), split and written one after another;
/// memory holds a batch, one Parquet row group per table and the near-duplicate index (a few hundred bytes an article).</para>
/// <para>Every file is written under a hidden staging folder and moved to its final name only when all are complete.</para>
/// </remarks>
public sealed class DatasetWriter
{
    private const int BatchSize = 64;
    private static readonly DatasetJsonContext Json = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private readonly DatasetOptions _options;
    private readonly ArticleExtractor _extractor;

    /// <summary>Creates a writer.</summary>
    public DatasetWriter(DatasetOptions? options = null)
    {
        _options = options ?? new DatasetOptions();
        _extractor = _options.Extractor ?? ArticleExtractor.Default;
    }

    /// <summary>The version of the extractor (the core library's), as the <c>extractor_version</c> column gives it.</summary>
    public static string ExtractorVersion { get; } = VersionOf(typeof(ArticleExtractor).Assembly);

    /// <summary>The files of a dataset whose names the writer owns (checked by the non-empty-folder rule).</summary>
    /// <exception cref="DatasetOutputException">The folder holds files and <see cref="DatasetOptions.Force"/> is not set.</exception>
    public void CheckOutputDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!_options.Force)
            {
                throw new DatasetOutputException($"The output folder {directory} is not empty; use --force to write into it.");
            }

            // Staging folders of runs that died are the writer's own leftovers.
            foreach (string stale in Directory.EnumerateDirectories(directory, StagingDirectory.Prefix + "*"))
            {
                Directory.Delete(stale, recursive: true);
            }
        }
    }

    /// <summary>Writes the dataset of <paramref name="articles"/> into <paramref name="directory"/>.</summary>
    /// <param name="articles">The articles, in input order.</param>
    /// <param name="directory">The output folder: missing or empty (or anything with <see cref="DatasetOptions.Force"/>).</param>
    /// <param name="progress">Told the number of articles read, now and then.</param>
    /// <param name="cancellationToken">Stops the run; nothing is then moved to a final name.</param>
    /// <exception cref="DatasetOutputException">The output folder is not empty and <see cref="DatasetOptions.Force"/> is not set.</exception>
    public async Task<DatasetSummary> WriteAsync(IAsyncEnumerable<DatasetArticle> articles, string directory,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(directory);
        CheckOutputDirectory(directory);
        using var staging = new StagingDirectory(directory);
        var run = new Run(this, staging);
        await using (run.ConfigureAwait(false))
        {
            var batch = new List<DatasetArticle>(BatchSize);
            await foreach (DatasetArticle article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!InShard(article.Id))
                {
                    run.OtherShards++;
                    continue;
                }

                batch.Add(article);
                if (batch.Count == BatchSize)
                {
                    await run.WriteBatchAsync(Prepare(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
                    batch.Clear();
                    progress?.Report(run.Read);
                }
            }

            await run.WriteBatchAsync(Prepare(batch, cancellationToken), cancellationToken).ConfigureAwait(false);
            progress?.Report(run.Read);
            DatasetSummary summary = await run.CompleteAsync(cancellationToken).ConfigureAwait(false);
            staging.Commit();
            return summary;
        }
    }

    private bool InShard(string id) =>
        _options.Shard is not (int k, int n) || (int)(StableHash.Mix(StableHash.Fnv1a(id)) % (ulong)n) == k - 1;

    // The costly part of each article, done in parallel: extraction, tags, hash and MinHash signature.
    private PreparedArticle[] Prepare(List<DatasetArticle> batch, CancellationToken cancellationToken)
    {
        var prepared = new PreparedArticle[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, batch.Count, parallel, i => prepared[i] = PrepareOne(batch[i]));
        return prepared;
    }

    private PreparedArticle PrepareOne(DatasetArticle article)
    {
        ExtractionResult facts = article.Annotations ?? _extractor.Extract(article.Text);
        List<EntitySpan> entities = IobTagger.Entities(facts);
        var sentences = new List<(string[] Tokens, int[] Tags)>();
        IobTagger.Tag(article.Text, entities, (_, tokens, tags) => sentences.Add(([.. tokens], [.. tags])));
        string sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(article.Text)));
        return new PreparedArticle(article, facts, entities, sentences, sha, NearDuplicateIndex.Signature(article.Text));
    }

    private static string VersionOf(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is null ? assembly.GetName().Version?.ToString() ?? "0" : informational.Split('+')[0];
    }

    private sealed record PreparedArticle(DatasetArticle Article, ExtractionResult Facts, List<EntitySpan> Entities,
        List<(string[] Tokens, int[] Tags)> Sentences, string TextSha256, uint[]? Signature);

    /// <summary>The state of one run: the open files and the counts.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly DatasetOptions _options;
        private readonly StagingDirectory _staging;
        private readonly NearDuplicateIndex _duplicates;
        private readonly TableWriter<ArticleRow> _articles;
        private readonly TableWriter<DocumentRow> _documents;
        private readonly TableWriter<ModelCountRow> _counts;
        private readonly TableWriter<OfficialRow> _officials;
        private readonly TableWriter<NerSentenceRow>[] _ner;
        private readonly StreamWriter[] _conll;
        private readonly StreamWriter _duplicateLog;
        private readonly StreamWriter? _spans;
        private readonly long[] _splitArticles = new long[3];
        private readonly long[] _splitSentences = new long[3];
        private readonly long[] _splitTokens = new long[3];
        private readonly long[] _entityCounts = new long[4];
        private readonly HashSet<string> _sites = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _annotationSources = [];
        private long _duplicateCount;
        private long _dropped;
        private long _duplicateRows;
        private DateTimeOffset? _first;
        private DateTimeOffset? _last;

        public Run(DatasetWriter owner, StagingDirectory staging)
        {
            _options = owner._options;
            _staging = staging;
            _duplicates = new NearDuplicateIndex(_options.DuplicateThreshold);
            var tableOptions = new TableWriterOptions(_options.RowGroupSize, _options.CsvByteOrderMark);
            TableFormats formats = _options.Formats;
            _articles = new(staging, "articles", formats, Json.ArticleRow, ArticleRow.Columns, tableOptions);
            _documents = new(staging, "documents", formats, Json.DocumentRow, DocumentRow.Columns, tableOptions);
            _counts = new(staging, "model_counts", formats, Json.ModelCountRow, ModelCountRow.Columns, tableOptions);
            _officials = new(staging, "officials", formats, Json.OfficialRow, OfficialRow.Columns, tableOptions);
            TableFormats nerFormats = TableFormats.Jsonl | (formats & TableFormats.Parquet);
            _ner = [.. SplitPlan.Names.Select(s => new TableWriter<NerSentenceRow>(staging, "ner/" + s, nerFormats, Json.NerSentenceRow, NerSentenceRow.Columns, tableOptions))];
            _conll = [.. SplitPlan.Names.Select(s => Text("ner/" + s + ".conll"))];
            _duplicateLog = Text("duplicates.jsonl");
            _spans = _options.Spans ? Text("ner/spans.jsonl") : null;
        }

        public long Read { get; private set; }

        public long OtherShards { get; set; }

        private StreamWriter Text(string relativePath) =>
            new(_staging.Create(relativePath), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

        public async Task WriteBatchAsync(PreparedArticle[] batch, CancellationToken cancellationToken)
        {
            foreach (PreparedArticle p in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Read++;
                await WriteArticleAsync(p, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task WriteArticleAsync(PreparedArticle p, CancellationToken cancellationToken)
        {
            DatasetArticle a = p.Article;
            string? site = a.SiteOrHost;
            int split = _options.Split.SplitOf(_options.Split.GroupKey(a.Id, site, a.Published));
            NearDuplicate? duplicate = _duplicates.FindAndAdd(a.Id, p.Signature, split);
            if (duplicate is not null)
            {
                _duplicateCount++;
                split = duplicate.Split;
                await WriteDuplicateAsync(duplicate).ConfigureAwait(false);
                if (_options.Dedupe)
                {
                    _dropped++;
                    return;
                }
            }

            string splitName = SplitPlan.Names[split];
            string source = a.Annotations is null ? "extractor" : "gold";
            _annotationSources.Add(source);
            if (site is not null)
            {
                _sites.Add(site);
            }

            if (a.Published is DateTimeOffset published)
            {
                _first = _first is null || published < _first ? published : _first;
                _last = _last is null || published > _last ? published : _last;
            }

            ExtractionResult facts = p.Facts;
            await _articles.WriteAsync(new ArticleRow
            {
                ArticleId = a.Id,
                Url = a.Url,
                Site = site,
                Title = a.Title,
                Published = a.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                Authors = [.. a.Authors],
                Split = splitName,
                TextSha256 = p.TextSha256,
                TextLength = a.Text.Length,
                ExtractorVersion = source == "gold" ? "gold" : ExtractorVersion,
                AnnotationSource = source,
                Documents = facts.Documents.Count,
                ModelCounts = facts.ModelCounts.Count,
                Officials = facts.Officials.Count,
                DuplicateOf = duplicate?.DuplicateOf,
                SourceFile = a.SourceFile,
                ContentSha256 = a.ContentSha256,
                WarcFile = a.WarcFile,
                WarcRecordId = a.WarcRecordId,
            }, cancellationToken).ConfigureAwait(false);

            foreach (DocumentRow row in FactRows.Documents(a.Id, splitName, facts))
            {
                await _documents.WriteAsync(row, cancellationToken).ConfigureAwait(false);
            }

            foreach (ModelCountRow row in FactRows.ModelCounts(a.Id, splitName, facts))
            {
                await _counts.WriteAsync(row, cancellationToken).ConfigureAwait(false);
            }

            foreach (OfficialRow row in FactRows.Officials(a.Id, splitName, facts))
            {
                await _officials.WriteAsync(row, cancellationToken).ConfigureAwait(false);
            }

            await WriteNerAsync(p, split, cancellationToken).ConfigureAwait(false);
            _splitArticles[split]++;
        }

        private async Task WriteNerAsync(PreparedArticle p, int split, CancellationToken cancellationToken)
        {
            StreamWriter conll = _conll[split];
            await conll.WriteAsync("-DOCSTART- O\n\n").ConfigureAwait(false);
            int index = 0;
            foreach ((string[] tokens, int[] tags) in p.Sentences)
            {
                var builder = new StringBuilder(tokens.Length * 12);
                for (int i = 0; i < tokens.Length; i++)
                {
                    builder.Append(tokens[i]).Append(' ').Append(NerLabels.All[tags[i]]).Append('\n');
                    if (tags[i] != NerLabels.Outside && tags[i] % 2 == 1)
                    {
                        _entityCounts[(tags[i] - 1) / 2]++;
                    }
                }

                builder.Append('\n');
                await conll.WriteAsync(builder, cancellationToken).ConfigureAwait(false);
                await _ner[split].WriteAsync(new NerSentenceRow
                {
                    Id = p.Article.Id + "#" + index.ToString(CultureInfo.InvariantCulture),
                    ArticleId = p.Article.Id,
                    Tokens = [.. tokens],
                    NerTags = [.. tags],
                }, cancellationToken).ConfigureAwait(false);
                _splitSentences[split]++;
                _splitTokens[split] += tokens.Length;
                index++;
            }

            if (_spans is not null)
            {
                await _spans.WriteLineAsync(SpanLine(p, SplitPlan.Names[split])).ConfigureAwait(false);
            }
        }

        private static string SpanLine(PreparedArticle p, string split)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("text", p.Article.Text);
                json.WriteStartArray("spans");
                foreach (EntitySpan e in p.Entities.OrderBy(e => e.Start).ThenBy(e => e.End))
                {
                    json.WriteStartObject();
                    json.WriteNumber("start", e.Start);
                    json.WriteNumber("end", e.End);
                    json.WriteString("label", NerLabels.Name(e.Kind));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartObject("meta");
                json.WriteString("article_id", p.Article.Id);
                json.WriteString("split", split);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private async Task WriteDuplicateAsync(NearDuplicate duplicate)
        {
            _duplicateRows++;
            string line = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["article_id"] = duplicate.ArticleId,
                ["duplicate_of"] = duplicate.DuplicateOf,
                ["similarity"] = Math.Round(duplicate.Similarity, 4),
                ["split"] = SplitPlan.Names[duplicate.Split],
                ["dropped"] = _options.Dedupe,
            }, DatasetJsonFiles.Options);
            await _duplicateLog.WriteLineAsync(line).ConfigureAwait(false);
        }

        public async Task<DatasetSummary> CompleteAsync(CancellationToken cancellationToken)
        {
            var fileRows = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in (IEnumerable<(List<string> Files, long Rows, Func<CancellationToken, ValueTask> Complete)>)
                [(_articles.Files, _articles.Rows, _articles.CompleteAsync), (_documents.Files, _documents.Rows, _documents.CompleteAsync),
                 (_counts.Files, _counts.Rows, _counts.CompleteAsync), (_officials.Files, _officials.Rows, _officials.CompleteAsync),
                 .. _ner.Select(n => (n.Files, n.Rows, (Func<CancellationToken, ValueTask>)n.CompleteAsync))])
            {
                await table.Complete(cancellationToken).ConfigureAwait(false);
                foreach (string file in table.Files)
                {
                    fileRows[file] = table.Rows;
                }
            }

            for (int s = 0; s < 3; s++)
            {
                await _conll[s].DisposeAsync().ConfigureAwait(false);
                fileRows["ner/" + SplitPlan.Names[s] + ".conll"] = _splitSentences[s];
            }

            await _duplicateLog.DisposeAsync().ConfigureAwait(false);
            fileRows["duplicates.jsonl"] = _duplicateRows;
            if (_spans is not null)
            {
                await _spans.DisposeAsync().ConfigureAwait(false);
                fileRows["ner/spans.jsonl"] = _articles.Rows;
            }

            var summary = new DatasetSummary
            {
                ArticlesRead = Read,
                Articles = _articles.Rows,
                OtherShards = OtherShards,
                Duplicates = _duplicateCount,
                DuplicatesDropped = _dropped,
                Splits = Enumerable.Range(0, 3).ToDictionary(s => SplitPlan.Names[s], s => new SplitCounts(_splitArticles[s], _splitSentences[s], _splitTokens[s])),
                FileRows = fileRows,
                Entities = Enumerable.Range(0, 4).ToDictionary(k => NerLabels.Name((EntityKind)k), k => _entityCounts[k]),
                FirstPublished = _first,
                LastPublished = _last,
                Sites = _sites.Count,
                ExtractorVersion = ExtractorVersion,
                AnnotationSource = _annotationSources.Count == 0 ? "extractor" : string.Join('+', _annotationSources.Order(StringComparer.Ordinal)),
            };

            await File.WriteAllTextAsync(Path.Combine(_staging.Root, "README.md"), DatasetCard.Write(summary, _options), cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(_staging.Root, "manifest.json"), DatasetManifest.Write(summary, _options), cancellationToken).ConfigureAwait(false);
            _staging.Track("README.md");
            _staging.Track("manifest.json");
            return summary;
        }

        public async ValueTask DisposeAsync()
        {
            await _articles.DisposeAsync().ConfigureAwait(false);
            await _documents.DisposeAsync().ConfigureAwait(false);
            await _counts.DisposeAsync().ConfigureAwait(false);
            await _officials.DisposeAsync().ConfigureAwait(false);
            foreach (TableWriter<NerSentenceRow> n in _ner)
            {
                await n.DisposeAsync().ConfigureAwait(false);
            }

            foreach (StreamWriter w in _conll)
            {
                await w.DisposeAsync().ConfigureAwait(false);
            }

            await _duplicateLog.DisposeAsync().ConfigureAwait(false);
            if (_spans is not null)
            {
                await _spans.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The output folder cannot be written as asked (not empty without force).</summary>
public sealed class DatasetOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetOutputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatasetOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public DatasetOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
