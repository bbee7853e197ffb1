using System.Globalization;
using DanVan.Analytics.Crawling.Fetching;
using Microsoft.Data.Sqlite;

namespace DanVan.Analytics.Crawling.State;

/// <summary>
/// The crawl's durable state in one embedded SQLite database (WAL mode): the frontier of URLs with their states,
/// the fetch log, per-host state and the content hashes seen. Every state change is a transaction, and a committed
/// transaction survives the process being killed, so a crawl can stop at any moment: on the next
/// <see cref="Open(string)"/>, <see cref="Recover"/> puts URLs that were in flight back in the queue. Safe to call from
/// several threads (calls are serialized).
/// </summary>
public sealed class CrawlState : IDisposable
{
    /// <summary>The database file name inside the state directory.</summary>
    public const string DatabaseFileName = "crawl.db";

    /// <summary>The lock file inside the state directory, held exclusively for as long as the state is open.</summary>
    public const string LockFileName = "crawl.lock";

    private const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly FileStream _lock;
    private readonly Lock _gate = new();

    private CrawlState(SqliteConnection connection, FileStream lockFile, string directory)
    {
        _connection = connection;
        _lock = lockFile;
        Directory = directory;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is one of the files a crawl state in <paramref name="directory"/> owns (the
    /// database with its journal files, the lock file), after resolving links, so that an output is never pointed
    /// at them.
    /// </summary>
    /// <param name="directory">The state directory.</param>
    /// <param name="path">A file path.</param>
    /// <returns><see langword="true"/> when writing to <paramref name="path"/> would overwrite the state.</returns>
    public static bool IsOwnFile(string directory, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string target = ResolveLinks(Path.GetFullPath(path));
        string root = ResolveLinks(Path.GetFullPath(directory));
        return OwnFileNames.Any(name => string.Equals(target, Path.Combine(root, name), StringComparison.Ordinal));
    }

    private static readonly string[] OwnFileNames = [DatabaseFileName, DatabaseFileName + "-wal", DatabaseFileName + "-shm", DatabaseFileName + "-journal", LockFileName];

    /// <summary>Resolves symbolic links in the directory part and in the file itself.</summary>
    internal static string ResolveLinks(string fullPath)
    {
        try
        {
            string? parent = Path.GetDirectoryName(fullPath);
            string resolvedParent = parent is null ? "" : ResolveLinks(parent);
            string combined = parent is null ? fullPath : Path.Combine(resolvedParent, Path.GetFileName(fullPath));
            FileSystemInfo? target = File.Exists(combined) ? File.ResolveLinkTarget(combined, returnFinalTarget: true)
                : System.IO.Directory.Exists(combined) ? System.IO.Directory.ResolveLinkTarget(combined, returnFinalTarget: true) : null;
            return target?.FullName ?? combined;
        }
        catch (IOException)
        {
            return fullPath;
        }
        catch (UnauthorizedAccessException)
        {
            return fullPath;
        }
    }

    /// <summary>The state directory.</summary>
    public string Directory { get; }

    /// <summary>Opens (or creates) the state in <paramref name="directory"/>.</summary>
    /// <param name="directory">The state directory; created when missing.</param>
    /// <returns>The open state.</returns>
    /// <exception cref="CrawlStateException">The database is not a crawl state or is from a newer version.</exception>
    /// <exception cref="CrawlStateLockedException">Another crawl has the state open.</exception>
    public static CrawlState Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        System.IO.Directory.CreateDirectory(directory);
        FileStream lockFile = AcquireLock(directory);
        try
        {
            return Open(directory, lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    private static FileStream AcquireLock(string directory)
    {
        string path = Path.Combine(directory, LockFileName);
        try
        {
            // FileShare.None is an exclusive flock on Unix and a sharing lock on Windows: the kernel drops it when
            // the process ends, however it ends, so a killed crawl never leaves a stale lock behind.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            stream.Flush();
            return stream;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && File.Exists(path))
        {
            throw new CrawlStateLockedException($"the crawl state '{directory}' is in use by another crawl (process {HolderOf(path)}); wait for it to finish or stop it, then run again.", e);
        }
    }

    private static string HolderOf(string lockPath)
    {
        try
        {
            using var reader = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var text = new StreamReader(reader);
            string? pid = text.ReadLine()?.Trim();
            return string.IsNullOrEmpty(pid) ? "unknown" : pid;
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static CrawlState Open(string directory, FileStream lockFile)
    {
        string path = Path.Combine(directory, DatabaseFileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                PRAGMA busy_timeout = 10000;
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS urls (
                    id INTEGER PRIMARY KEY,
                    url TEXT NOT NULL UNIQUE,
                    host TEXT NOT NULL,
                    depth INTEGER NOT NULL,
                    kind INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    status_code INTEGER,
                    etag TEXT,
                    last_modified TEXT,
                    content_hash TEXT,
                    fetched_at TEXT,
                    note TEXT);
                CREATE INDEX IF NOT EXISTS urls_by_state_host ON urls (state, host, id);
                CREATE TABLE IF NOT EXISTS fetch_log (
                    id INTEGER PRIMARY KEY,
                    url_id INTEGER NOT NULL,
                    fetched_at TEXT,
                    fetch_status TEXT,
                    status_code INTEGER,
                    final_url TEXT,
                    bytes INTEGER,
                    warc_file TEXT,
                    warc_offset INTEGER,
                    note TEXT);
                CREATE TABLE IF NOT EXISTS hosts (
                    host TEXT PRIMARY KEY,
                    last_request_at TEXT,
                    crawl_delay_ms INTEGER,
                    pages INTEGER NOT NULL DEFAULT 0,
                    errors INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE IF NOT EXISTS content (hash TEXT PRIMARY KEY, url_id INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS warc_files (name TEXT PRIMARY KEY, committed_length INTEGER NOT NULL);
                """);
            string? version = ScalarString(connection, "SELECT value FROM meta WHERE key = 'schema'");
            if (version is null)
            {
                Execute(connection, $"INSERT INTO meta (key, value) VALUES ('schema', '{SchemaVersion}')");
            }
            else if (version != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            {
                throw new CrawlStateException($"{path} has schema version {version}; this version reads {SchemaVersion}.");
            }
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new CrawlStateException($"{path} is not a usable crawl state: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new CrawlState(connection, lockFile, directory);
    }

    /// <summary>
    /// Puts every in-flight URL back in the queue (they were being fetched when the last run stopped) and returns
    /// them, so output writers can drop a line they had already written for one of them.
    /// </summary>
    /// <returns>The URLs that were in flight.</returns>
    public IReadOnlyList<string> Recover()
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var urls = new List<string>();
            using (var select = Command("SELECT url FROM urls WHERE state = 1", transaction))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    urls.Add(reader.GetString(0));
                }
            }

            using (var update = Command("UPDATE urls SET state = 0 WHERE state = 1", transaction))
            {
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return urls;
        }
    }

    /// <summary>
    /// Queues again the URLs whose last failure may pass (no answer, a 5xx or 429, robots.txt unavailable) and that
    /// have been tried fewer than <paramref name="maxAttempts"/> times; 4xx and other final answers stay failed.
    /// </summary>
    /// <param name="maxAttempts">How many runs may try a URL.</param>
    /// <returns>How many URLs were queued again.</returns>
    public int RetryTransientFailures(int maxAttempts)
    {
        lock (_gate)
        {
            using var update = Command("UPDATE urls SET state = 0 WHERE state = 3 AND attempts < $max AND (COALESCE(status_code, 0) = 0 OR status_code >= 500 OR status_code = 429)");
            update.Parameters.AddWithValue("$max", maxAttempts);
            return update.ExecuteNonQuery();
        }
    }

    /// <summary>Adds URLs to the queue; known URLs are left as they are.</summary>
    /// <param name="urls">The URLs.</param>
    /// <returns>How many were new.</returns>
    public int Enqueue(IEnumerable<DiscoveredUrl> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            int added = Insert(urls, transaction);
            transaction.Commit();
            return added;
        }
    }

    /// <summary>
    /// Queues URLs again even if they were fetched before (seeds, sitemaps and feeds are looked at on every run);
    /// their ETag and Last-Modified make the new fetch conditional. In-flight URLs are left alone.
    /// </summary>
    /// <param name="urls">The URLs (added when unknown).</param>
    public void Revisit(IEnumerable<DiscoveredUrl> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var list = urls.ToList();
            Insert(list, transaction);
            using var update = Command("UPDATE urls SET state = 0 WHERE url = $url AND state IN (2, 3, 4)", transaction);
            var url = update.Parameters.Add("$url", SqliteType.Text);
            foreach (DiscoveredUrl item in list)
            {
                url.Value = item.Url;
                update.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>The hosts that have queued URLs.</summary>
    /// <returns>The host names.</returns>
    public IReadOnlyList<string> QueuedHosts()
    {
        lock (_gate)
        {
            using var select = Command("SELECT DISTINCT host FROM urls WHERE state = 0");
            using var reader = select.ExecuteReader();
            var hosts = new List<string>();
            while (reader.Read())
            {
                hosts.Add(reader.GetString(0));
            }

            return hosts;
        }
    }

    /// <summary>Takes up to <paramref name="max"/> queued URLs of one host, oldest first, and marks them in flight.</summary>
    /// <param name="host">The host.</param>
    /// <param name="max">The most URLs to take.</param>
    /// <returns>The URLs taken (empty when the host has none queued).</returns>
    public IReadOnlyList<FrontierEntry> Take(string host, int max)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var entries = new List<FrontierEntry>();
            using (var select = Command("SELECT id, url, depth, kind, etag, last_modified, content_hash FROM urls WHERE state = 0 AND host = $host ORDER BY id LIMIT $max", transaction))
            {
                select.Parameters.AddWithValue("$host", host);
                select.Parameters.AddWithValue("$max", max);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    string? etag = reader.IsDBNull(4) ? null : reader.GetString(4);
                    DateTimeOffset? modified = reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture);
                    entries.Add(new FrontierEntry(
                        reader.GetInt64(0),
                        reader.GetString(1),
                        reader.GetInt32(2),
                        (UrlKind)reader.GetInt32(3),
                        etag is null && modified is null ? null : new FetchValidators(etag, modified),
                        reader.IsDBNull(6) ? null : reader.GetString(6)));
                }
            }

            using (var update = Command("UPDATE urls SET state = 1, attempts = attempts + 1 WHERE id = $id", transaction))
            {
                var id = update.Parameters.Add("$id", SqliteType.Integer);
                foreach (FrontierEntry entry in entries)
                {
                    id.Value = entry.Id;
                    update.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return entries;
        }
    }

    /// <summary>
    /// Adds a URL directly in flight, for a page that arrived through a redirect: the redirect's target is recorded
    /// under its own URL. Returns <see langword="null"/> when the URL is already known (it is or was fetched itself).
    /// </summary>
    /// <param name="url">The redirect target.</param>
    /// <returns>The new row id, or <see langword="null"/>.</returns>
    public long? Claim(DiscoveredUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        lock (_gate)
        {
            using var insert = Command("INSERT OR IGNORE INTO urls (url, host, depth, kind, state, attempts) VALUES ($url, $host, $depth, $kind, 1, 1) RETURNING id");
            Bind(insert, ("$url", url.Url), ("$host", url.Host), ("$depth", url.Depth), ("$kind", (int)url.Kind));
            return insert.ExecuteScalar() is long id ? id : null;
        }
    }

    /// <summary>Puts in-flight URLs back in the queue (a worker gave them back unfetched).</summary>
    /// <param name="ids">The URL row ids.</param>
    public void Requeue(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command("UPDATE urls SET state = 0 WHERE id = $id AND state = 1", transaction);
            var id = update.Parameters.Add("$id", SqliteType.Integer);
            foreach (long value in ids)
            {
                id.Value = value;
                update.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Whether a body with this hash was already seen on another URL.</summary>
    /// <param name="hash">The content hash.</param>
    /// <returns>The URL that had it first, or <see langword="null"/>.</returns>
    public string? ContentOwner(string hash)
    {
        lock (_gate)
        {
            using var select = Command("SELECT u.url FROM content c JOIN urls u ON u.id = c.url_id WHERE c.hash = $hash");
            select.Parameters.AddWithValue("$hash", hash);
            return select.ExecuteScalar() as string;
        }
    }

    /// <summary>The state of one URL, or <see langword="null"/> when it is unknown.</summary>
    /// <param name="url">The canonical URL.</param>
    /// <returns>The state.</returns>
    public UrlState? StateOf(string url)
    {
        lock (_gate)
        {
            using var select = Command("SELECT state FROM urls WHERE url = $url");
            select.Parameters.AddWithValue("$url", url);
            return select.ExecuteScalar() is long state ? (UrlState)state : null;
        }
    }

    /// <summary>
    /// Records a batch of finished URLs in one transaction: their states and validators, the fetch log, content
    /// hashes, the URLs they led to, host counters, and how far each WARC file is complete. Call it only after
    /// the batch's WARC records and output lines are flushed.
    /// </summary>
    /// <param name="completions">The finished URLs.</param>
    /// <param name="warcLengths">Each WARC file's length once the batch's records were flushed.</param>
    /// <returns>For each completion whose new URLs went over its <see cref="PageCompletion.MaxNewUrls"/>, how many were not queued.</returns>
    public IReadOnlyDictionary<long, int> Complete(IReadOnlyList<PageCompletion> completions, IReadOnlyDictionary<string, long>? warcLengths = null)
    {
        ArgumentNullException.ThrowIfNull(completions);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var update = Command("""
                UPDATE urls SET state = $state, status_code = $code, etag = COALESCE($etag, etag),
                    last_modified = COALESCE($modified, last_modified), content_hash = COALESCE($hash, content_hash),
                    fetched_at = COALESCE($at, fetched_at), note = $note
                WHERE id = $id
                """, transaction);
            using var log = Command("""
                INSERT INTO fetch_log (url_id, fetched_at, fetch_status, status_code, final_url, bytes, warc_file, warc_offset, note)
                VALUES ($id, $at, $status, $code, $final, $bytes, $warc, $offset, $note)
                """, transaction);
            using var content = Command("INSERT OR IGNORE INTO content (hash, url_id) VALUES ($hash, $id)", transaction);
            Dictionary<long, int>? capped = null;
            using var host = Command("""
                INSERT INTO hosts (host, last_request_at, pages, errors) VALUES ($host, $at, 1, $error)
                ON CONFLICT (host) DO UPDATE SET last_request_at = MAX(COALESCE(last_request_at, ''), COALESCE($at, '')),
                    pages = pages + 1, errors = errors + $error
                """, transaction);
            foreach (PageCompletion c in completions)
            {
                string? at = c.FetchedAt?.ToString("O", CultureInfo.InvariantCulture);
                Bind(update, ("$state", (int)c.State), ("$code", c.StatusCode), ("$etag", c.ETag), ("$modified", c.LastModified?.ToString("O", CultureInfo.InvariantCulture)),
                    ("$hash", c.ContentHash), ("$at", at), ("$note", c.Note), ("$id", c.Id));
                update.ExecuteNonQuery();
                if (c.FetchStatus is { } status)
                {
                    Bind(log, ("$id", c.Id), ("$at", at), ("$status", status.ToString()), ("$code", c.StatusCode), ("$final", c.FinalUrl),
                        ("$bytes", c.Bytes), ("$warc", c.WarcFile), ("$offset", c.WarcOffset), ("$note", c.Note));
                    log.ExecuteNonQuery();
                    Bind(host, ("$host", HostOf(c.Url)), ("$at", at), ("$error", c.State == UrlState.Failed ? 1 : 0));
                    host.ExecuteNonQuery();
                }

                if (c.ContentHash is not null && c.State == UrlState.Done)
                {
                    Bind(content, ("$hash", c.ContentHash), ("$id", c.Id));
                    content.ExecuteNonQuery();
                }

                int refused = Insert(c.Discovered, transaction, c.MaxNewUrls).Refused;
                if (refused > 0)
                {
                    capped ??= [];
                    capped[c.Id] = refused;
                }
            }

            if (warcLengths is not null)
            {
                using var warc = Command("INSERT INTO warc_files (name, committed_length) VALUES ($name, $length) ON CONFLICT (name) DO UPDATE SET committed_length = $length", transaction);
                foreach (var (name, length) in warcLengths)
                {
                    Bind(warc, ("$name", name), ("$length", length));
                    warc.ExecuteNonQuery();
                }
            }

            transaction.Commit();
            return capped ?? (IReadOnlyDictionary<long, int>)System.Collections.Frozen.FrozenDictionary<long, int>.Empty;
        }
    }

    /// <summary>The length of each WARC file up to its last committed record.</summary>
    /// <returns>File name → committed length.</returns>
    public IReadOnlyDictionary<string, long> WarcLengths()
    {
        lock (_gate)
        {
            using var select = Command("SELECT name, committed_length FROM warc_files");
            using var reader = select.ExecuteReader();
            var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.Read())
            {
                lengths[reader.GetString(0)] = reader.GetInt64(1);
            }

            return lengths;
        }
    }

    /// <summary>When the last request to each host was made (so a resumed crawl keeps the pause).</summary>
    /// <returns>Host → time of the last request.</returns>
    public IReadOnlyDictionary<string, DateTimeOffset> LastRequests()
    {
        lock (_gate)
        {
            using var select = Command("SELECT host, last_request_at FROM hosts WHERE last_request_at IS NOT NULL AND last_request_at <> ''");
            using var reader = select.ExecuteReader();
            var result = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                result[reader.GetString(0)] = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }

            return result;
        }
    }

    /// <summary>How many URLs are in each state.</summary>
    /// <returns>The counts.</returns>
    public CrawlCounts Counts()
    {
        lock (_gate)
        {
            var counts = new long[5];
            using var select = Command("SELECT state, COUNT(*) FROM urls GROUP BY state");
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                int state = reader.GetInt32(0);
                if (state is >= 0 and < 5)
                {
                    counts[state] = reader.GetInt64(1);
                }
            }

            return new CrawlCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
            _lock.Dispose();
        }
    }

    private int Insert(IEnumerable<DiscoveredUrl> urls, SqliteTransaction transaction) => Insert(urls, transaction, int.MaxValue).Added;

    private (int Added, int Refused) Insert(IEnumerable<DiscoveredUrl> urls, SqliteTransaction transaction, int maxNew)
    {
        using var insert = Command("INSERT OR IGNORE INTO urls (url, host, depth, kind, state) VALUES ($url, $host, $depth, $kind, 0)", transaction);
        var url = insert.Parameters.Add("$url", SqliteType.Text);
        var host = insert.Parameters.Add("$host", SqliteType.Text);
        var depth = insert.Parameters.Add("$depth", SqliteType.Integer);
        var kind = insert.Parameters.Add("$kind", SqliteType.Integer);
        int added = 0;
        int refused = 0;
        foreach (DiscoveredUrl item in urls)
        {
            if (added >= maxNew)
            {
                refused++; // counted, not inserted: known URLs among them are not told apart, which costs a query each
                continue;
            }

            url.Value = item.Url;
            host.Value = item.Host;
            depth.Value = item.Depth;
            kind.Value = (int)item.Kind;
            added += insert.ExecuteNonQuery();
        }

        return (added, refused);
    }

    private static string HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri.IdnHost : "";

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? ScalarString(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
