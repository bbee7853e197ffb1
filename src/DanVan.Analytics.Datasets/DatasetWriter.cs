using System.Buffers;
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
            // While one batch is written (in order, on this thread), the next is prepared on the pool: at most two
            // batches are in memory.
            var batch = new List<DatasetArticle>(BatchSize);
            var tokenStrings = new TokenStrings();
            Task<PreparedArticle[]>? pending = null;
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
                    List<DatasetArticle> full = batch;
                    batch = new List<DatasetArticle>(BatchSize);
                    Task<PreparedArticle[]> next = Task.Run(() => Prepare(full, tokenStrings, cancellationToken), cancellationToken);
                    if (pending is not null)
                    {
                        run.WriteBatch(await pending.ConfigureAwait(false), cancellationToken);
                        progress?.Report(run.Read);
                    }

                    pending = next;
                }
            }

            if (pending is not null)
            {
                run.WriteBatch(await pending.ConfigureAwait(false), cancellationToken);
            }

            run.WriteBatch(Prepare(batch, tokenStrings, cancellationToken), cancellationToken);
            progress?.Report(run.Read);
            DatasetSummary summary = await run.CompleteAsync(cancellationToken).ConfigureAwait(false);
            staging.Commit();
            return summary;
        }
    }

    private bool InShard(string id) =>
        _options.Shard is not (int k, int n) || (int)(StableHash.Mix(StableHash.Fnv1a(id)) % (ulong)n) == k - 1;

    // The costly part of each article, done in parallel: extraction, tags, hash and MinHash signature.
    private PreparedArticle[] Prepare(List<DatasetArticle> batch, TokenStrings tokenStrings, CancellationToken cancellationToken)
    {
        var prepared = new PreparedArticle[batch.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        Parallel.For(0, batch.Count, parallel, i => prepared[i] = PrepareOne(batch[i], tokenStrings));
        return prepared;
    }

    private PreparedArticle PrepareOne(DatasetArticle article, TokenStrings tokenStrings)
    {
        ExtractionResult facts = article.Annotations ?? _extractor.Extract(article.Text);
        List<EntitySpan> entities = IobTagger.Entities(facts);
        var nerIds = new List<string>();
        var nerTokens = new List<string>(article.Text.Length / 4);
        var nerTags = new List<int>(article.Text.Length / 4);
        var nerLengths = new List<int>();
        var nerJson = new ArrayBufferWriter<byte>(article.Text.Length * 3);
        var conll = new ArrayBufferWriter<byte>(article.Text.Length * 3);
        var entityCounts = new long[4];
        Encoding.UTF8.GetBytes("-DOCSTART- O\n\n", conll);
        using (Utf8JsonWriter json = TableWriter<NerSentenceRow>.JsonWriter(nerJson))
        {
            IobTagger.Tag(article.Text, entities, (_, tokens, tags) =>
            {
                string id = article.Id + "#" + nerIds.Count.ToString(CultureInfo.InvariantCulture);
                nerIds.Add(id);
                // Serialized at once, so the tagger's lists can stand in the row without a copy.
                var row = new NerSentenceRow { Id = id, ArticleId = article.Id, Tokens = tokens, NerTags = tags };
                TableWriter<NerSentenceRow>.AppendJsonLine(json, nerJson, row, Json.NerSentenceRow);
                AppendConll(conll, tokens, tags, entityCounts);
                nerTokens.AddRange(tokens);
                nerTags.AddRange(tags);
                nerLengths.Add(tokens.Count);
            }, tokenStrings);
        }

        string sha = Sha256Hex(article.Text);
        var ner = new PreparedNer([.. nerIds], [.. nerTokens], [.. nerTags], [.. nerLengths], nerJson.WrittenMemory, conll.WrittenMemory, entityCounts);
        return new PreparedArticle(article, facts, entities, ner, sha, NearDuplicateIndex.Signature(article.Text));
    }

    // The SHA-256 of the text's UTF-8 bytes, encoded into a pooled buffer.
    private static string Sha256Hex(string text)
    {
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(text, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    // One CoNLL sentence: "token label" a line, a blank line after; counts each entity by its B- tag.
    private static void AppendConll(ArrayBufferWriter<byte> conll, List<string> tokens, List<int> tags, long[] entityCounts)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            int tag = tags[i];
            Encoding.UTF8.GetBytes(tokens[i], conll);
            conll.GetSpan(1)[0] = (byte)' ';
            conll.Advance(1);
            Encoding.UTF8.GetBytes(NerLabels.All[tag], conll);
            conll.GetSpan(1)[0] = (byte)'\n';
            conll.Advance(1);
            if (tag != NerLabels.Outside && tag % 2 == 1)
            {
                entityCounts[(tag - 1) / 2]++;
            }
        }

        conll.GetSpan(1)[0] = (byte)'\n';
        conll.Advance(1);
    }

    private static string VersionOf(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is null ? assembly.GetName().Version?.ToString() ?? "0" : informational.Split('+')[0];
    }

    private sealed record PreparedArticle(DatasetArticle Article, ExtractionResult Facts, List<EntitySpan> Entities,
        PreparedNer Ner, string TextSha256, uint[]? Signature);

    // The token-level rows of an article, with their JSON lines and CoNLL text already made (they do not depend on the split).
    // Flat: the sentences' tokens and tags one after another, cut by the sentence lengths.
    private sealed record PreparedNer(string[] Ids, string[] Tokens, int[] Tags, int[] SentenceLengths,
        ReadOnlyMemory<byte> JsonLines, ReadOnlyMemory<byte> Conll, long[] EntityCounts);

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
        private readonly NerParquetTable[] _nerParquet;
        private readonly FileStream[] _conll;
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
            // A sentence row holds a list of tokens and one of tags: row groups of a fifth of a fact table's (2,000
            // sentences, some 60,000 tokens, by default), written column by column (see NerParquetTable).
            int nerRowGroup = Math.Max(1, _options.RowGroupSize / 5);
            _ner = [.. SplitPlan.Names.Select(s => new TableWriter<NerSentenceRow>(staging, "ner/" + s, TableFormats.Jsonl, Json.NerSentenceRow, NerSentenceRow.Columns, tableOptions))];
            _nerParquet = formats.HasFlag(TableFormats.Parquet)
                ? [.. SplitPlan.Names.Select(s => new NerParquetTable(staging.Create("ner/" + s + ".parquet"), nerRowGroup))]
                : [];
            _conll = [.. SplitPlan.Names.Select(s => _staging.Create("ner/" + s + ".conll"))];
            _duplicateLog = Text("duplicates.jsonl");
            _spans = _options.Spans ? Text("ner/spans.jsonl") : null;
        }

        public long Read { get; private set; }

        public long OtherShards { get; set; }

        private StreamWriter Text(string relativePath) =>
            new(_staging.Create(relativePath), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

        // In input order, on the caller's thread: the near-duplicate lookup and the split need the articles before.
        public void WriteBatch(PreparedArticle[] batch, CancellationToken cancellationToken)
        {
            foreach (PreparedArticle p in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Read++;
                WriteArticle(p);
            }
        }

        private void WriteArticle(PreparedArticle p)
        {
            DatasetArticle a = p.Article;
            string? site = a.SiteOrHost;
            int split = _options.Split.SplitOf(_options.Split.GroupKey(a.Id, site, a.Published));
            NearDuplicate? duplicate = _duplicates.FindAndAdd(a.Id, p.Signature, split);
            if (duplicate is not null)
            {
                _duplicateCount++;
                split = duplicate.Split;
                WriteDuplicate(duplicate);
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
            _articles.Write(new ArticleRow
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
            });

            foreach (DocumentRow row in FactRows.Documents(a.Id, splitName, facts))
            {
                _documents.Write(row);
            }

            foreach (ModelCountRow row in FactRows.ModelCounts(a.Id, splitName, facts))
            {
                _counts.Write(row);
            }

            foreach (OfficialRow row in FactRows.Officials(a.Id, splitName, facts))
            {
                _officials.Write(row);
            }

            WriteNer(p, split);
            _splitArticles[split]++;
        }

        private void WriteNer(PreparedArticle p, int split)
        {
            PreparedNer ner = p.Ner;
            _conll[split].Write(ner.Conll.Span);
            _ner[split].WriteSerialized(ner.JsonLines.Span, ner.Ids.Length);
            if (_nerParquet.Length > 0)
            {
                int start = 0;
                for (int i = 0; i < ner.Ids.Length; i++)
                {
                    int length = ner.SentenceLengths[i];
                    _nerParquet[split].Add(ner.Ids[i], p.Article.Id, new ArraySegment<string>(ner.Tokens, start, length), new ArraySegment<int>(ner.Tags, start, length));
                    start += length;
                }
            }

            for (int k = 0; k < _entityCounts.Length; k++)
            {
                _entityCounts[k] += ner.EntityCounts[k];
            }

            _splitSentences[split] += ner.Ids.Length;
            _splitTokens[split] += ner.Tokens.Length;
            _spans?.WriteLine(SpanLine(p, SplitPlan.Names[split]));
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

        private void WriteDuplicate(NearDuplicate duplicate)
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
            _duplicateLog.WriteLine(line);
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

            for (int s = 0; s < _nerParquet.Length; s++)
            {
                await _nerParquet[s].CompleteAsync().ConfigureAwait(false);
                await _nerParquet[s].DisposeAsync().ConfigureAwait(false);
                fileRows["ner/" + SplitPlan.Names[s] + ".parquet"] = _nerParquet[s].Rows;
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

            foreach (NerParquetTable n in _nerParquet)
            {
                await n.DisposeAsync().ConfigureAwait(false);
            }

            foreach (FileStream w in _conll)
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
