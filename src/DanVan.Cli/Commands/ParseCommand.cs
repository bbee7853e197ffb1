using System.CommandLine;
using System.Runtime.CompilerServices;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Crawling.Fetching;
using DanVan.Analytics.Parsing;
using DanVan.Analytics.Pipeline;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan parse FILE [--url URL] [--out FILE]</c> or <c>danvan parse --fetch URL</c> parses one page (indented JSON on standard output, or one JSON
/// line into <c>--out</c>); <c>danvan parse --in manifest.jsonl --out articles.jsonl</c> parses every page of a
/// manifest into JSON lines through the library's pipeline (pages confined to the manifest's folder unless
/// <c>--allow-outside</c>; files that are not HTML by their content refused per page); <c>--in DIR</c> parses every
/// page of a folder, <c>--urls FILE</c> fetches and parses every URL of a list, politely. Bad manifest lines and pages that could not be parsed
/// go to stderr as JSON objects, and the exit code is 3 when there were any.
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var fileArgument = new Argument<FileInfo?>("FILE")
        {
            Description = "An .html or .html.gz page to parse.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var urlOption = new Option<string?>("--url") { Description = "The page's address (resolves links, names the site).", HelpName = "URL" };
        var inOption = CliOptions.File("--in", "A manifest of {\"id\", \"url\", \"path\"} JSON lines (paths relative to the manifest's folder; - for standard input), or a folder of .html/.htm(.gz) pages.");
        var outOption = CliOptions.File("--out", "Where the articles go as JSON lines; - or absent: standard output.");
        var strictOption = CliOptions.Strict();
        var fetchOption = new Option<string?>("--fetch") { Description = "Fetch one page politely (robots.txt, the crawler's timeouts and size limit) and parse it.", HelpName = "URL" };
        var urlsOption = CliOptions.File("--urls", "A text file of page URLs, one a line (# starts a comment): each fetched politely and parsed into the JSON lines.");
        var contactOption = new Option<string?>("--contact") { Description = "With --fetch/--urls: how site owners reach you (a URL or mailto:), put in the User-Agent.", HelpName = "URL" };
        var allowOutsideOption = new Option<bool>("--allow-outside")
        {
            Description = "Read manifest pages outside the manifest's folder (after resolving .. and links); refused by default, as a manifest may come from someone else.",
        };
        var command = new Command("parse", "Parse Vietnamese news pages into clean articles (title, lead, time, authors, body, captions).");
        command.Arguments.Add(fileArgument);
        command.Options.Add(urlOption);
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.Options.Add(strictOption);
        command.Options.Add(allowOutsideOption);
        command.Options.Add(fetchOption);
        command.Options.Add(urlsOption);
        command.Options.Add(contactOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            FileInfo? file = parseResult.GetValue(fileArgument);
            FileInfo? manifest = parseResult.GetValue(inOption);
            FileInfo? output = parseResult.GetValue(outOption);
            string? fetch = parseResult.GetValue(fetchOption);
            FileInfo? urls = parseResult.GetValue(urlsOption);
            if (new object?[] { file, manifest, fetch, urls }.Count(given => given is not null) != 1)
            {
                Console.Error.WriteLine("error: give one of FILE, --in MANIFEST|DIR, --fetch URL or --urls FILE.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (!OutputGuard.Allows(output, file, manifest, urls))
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            string? contact = parseResult.GetValue(contactOption);
            try
            {
                _ = contact is null ? null : FetcherOptions.UserAgentFor(contact);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: --contact: {e.Message}");
                return Task.FromResult(ExitCodes.Usage);
            }

            var problems = new InputProblems(parseResult.GetValue(strictOption));
            bool allowOutside = parseResult.GetValue(allowOutsideOption);
            if (fetch is not null)
            {
                return FetchOneAsync(fetch, contact, output, cancellationToken);
            }

            if (urls is not null)
            {
                var urlCount = new StrongBox<double?>();
                return OutputGuard.InputExists(urls)
                    ? ParseAllAsync(FetchAllAsync(urls, contact, problems, urlCount, cancellationToken), output, problems, () => urlCount.Value, cancellationToken)
                    : Task.FromResult(ExitCodes.Usage);
            }

            if (manifest is not null && !CliOptions.IsStandardStream(manifest) && Directory.Exists(manifest.FullName))
            {
                var pages = ManifestArticleSource.ReadDirectoryAsync(manifest.FullName, SourceOptions(problems, output, allowOutside), cancellationToken);
                int pageCount = ManifestArticleSource.CountDirectoryPages(manifest.FullName);
                return ParseAllAsync(pages, output, problems, () => pageCount, cancellationToken);
            }

            return file is not null
                ? ParseOneAsync(file, parseResult.GetValue(urlOption), output, cancellationToken)
                : OutputGuard.InputExists(manifest!)
                    ? ParseAllAsync(ManifestArticleSource.ReadAsync(CliOptions.PathOf(manifest!), SourceOptions(problems, output, allowOutside), cancellationToken), output, problems,
                        ManifestLines(manifest!), cancellationToken)
                    : Task.FromResult(ExitCodes.Usage);
        });
        return command;
    }

    private static async Task<int> ParseOneAsync(FileInfo file, string? url, FileInfo? output, CancellationToken cancellationToken)
    {
        Uri? uri = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            Console.Error.WriteLine($"error: --url: \"{url}\" is not an absolute URL.");
            return ExitCodes.Usage;
        }

        if (!OutputGuard.InputExists(file))
        {
            return ExitCodes.Usage;
        }

        try
        {
            Article article;
            await using (Stream stream = JsonLines.OpenRead(CliOptions.PathOf(file)))
            {
                article = await new ArticleParser().ParseAsync(stream, uri, cancellationToken: cancellationToken);
            }

            await WriteOneAsync(article.ToRecord(PageId(file.Name)), output, cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArticleParseException)
        {
            Console.Error.WriteLine($"error: {file}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    // One page: indented JSON on standard output, or one JSON line into --out.
    private static async Task WriteOneAsync(ArticleRecord record, FileInfo? output, CancellationToken cancellationToken)
    {
        if (output is null)
        {
            await Console.Out.WriteLineAsync(ArticleRecordJson.Serialize(record, indented: true));
            return;
        }

        await using ArticleRecordWriter writer = ArticleRecordWriter.Create(CliOptions.PathOf(output));
        await writer.WriteAsync(record, cancellationToken);
    }

    private static async Task<int> FetchOneAsync(string address, string? contact, FileInfo? output, CancellationToken cancellationToken)
    {
        if (!TryGetWebUrl(address, out Uri? url))
        {
            Console.Error.WriteLine($"error: --fetch: \"{address}\" is not an absolute http(s) URL.");
            return ExitCodes.Usage;
        }

        try
        {
            using var pages = new WebPageSource([url], contact);
            (ArticleRecord? record, ArticleFailure? failure) = await pages.FetchAsync(url, "--fetch", 1, cancellationToken);
            if (record is null)
            {
                Console.Error.WriteLine($"error: {failure!.Kind}: {failure.Reason}");
                return ExitCodes.Failure;
            }

            await WriteOneAsync(record, output, cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    // The URL list's pages, fetched one after another (each host waits its turn; robots.txt is read once a host).
    private static async IAsyncEnumerable<ArticleRecord> FetchAllAsync(FileInfo list, string? contact, InputProblems problems, StrongBox<double?> count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string path = CliOptions.PathOf(list);
        var entries = new List<(int Line, Uri Url)>();
        int number = 0;
        using (var reader = new StreamReader(JsonLines.OpenRead(path)))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } raw)
            {
                number++;
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                if (TryGetWebUrl(line, out Uri? url))
                {
                    entries.Add((number, url));
                }
                else
                {
                    problems.Report(new BadLine(list.ToString(), number, $"\"{line}\" is not an absolute http(s) URL"));
                }
            }
        }

        count.Value = entries.Count;
        using var pages = new WebPageSource(entries.Select(e => e.Url), contact);
        foreach ((int line, Uri url) in entries)
        {
            (ArticleRecord? record, ArticleFailure? failure) = await pages.FetchAsync(url, list.ToString(), line, cancellationToken);
            if (record is not null)
            {
                yield return record;
            }
            else
            {
                problems.Report(failure!);
            }
        }
    }

    private static ManifestSourceOptions SourceOptions(InputProblems problems, FileInfo? output, bool allowOutside) => new()
    {
        Lines = problems.ReadOptions,
        OnFailure = problems.Report,
        ProtectedPath = output is null || CliOptions.IsStandardStream(output) ? null : output.FullName,
        AllowOutside = allowOutside,
    };

    // A manifest holds one page a line: their count, for the remaining time (none for standard input).
    private static Func<double?> ManifestLines(FileInfo manifest)
    {
        double? lines = CliOptions.IsStandardStream(manifest) ? null : File.ReadLines(manifest.FullName).Count(line => !string.IsNullOrWhiteSpace(line));
        return () => lines;
    }

    private static async Task<int> ParseAllAsync(IAsyncEnumerable<ArticleRecord> records, FileInfo? output, InputProblems problems, Func<double?> pages, CancellationToken cancellationToken)
    {
        try
        {
            await using ArticleRecordWriter writer = ArticleRecordWriter.Create(output is null ? JsonLines.StandardStream : CliOptions.PathOf(output));
            var pipeline = new ArticlePipeline(new ArticlePipelineOptions { ExtractFacts = false, ProgressInterval = ProgressDisplay.UpdateInterval });
            if (output is null)
            {
                // The articles go to standard output: no display mixes with them.
                await pipeline.RunAsync(records, [new ArticleRecordSink(writer)], null, cancellationToken);
                return problems.ExitCode;
            }

            await ProgressDisplay.RunAsync("parse", async display =>
            {
                problems.Display = display;
                // Pages done are the articles written and the pages reported as failed.
                var progress = new PipelineProgress(display, "parsed", value => (value.Articles + problems.Skipped, pages()));
                await pipeline.RunAsync(records, [new ArticleRecordSink(writer)], progress, cancellationToken);
                problems.Display = null;
                return 0;
            });
            return problems.ExitCode;
        }
        catch (BadLineException)
        {
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Pages that cannot be read are reported one by one by the source; what reaches here is the output
            // (a full disk) or the manifest itself. The articles written before stay whole: a half-written last line is cut.
            if (output is not null && !CliOptions.IsStandardStream(output) && KeepCompleteLines(output.FullName) is { } kept)
            {
                Console.Error.WriteLine($"error: the output {output} could not be written: {exception.Message} ({kept} complete articles kept)");
            }
            else
            {
                Console.Error.WriteLine($"error: {exception.Message}");
            }

            return ExitCodes.Failure;
        }
    }

    // Cuts a partial last line from a JSONL file; returns the number of complete lines, or null when the file cannot be touched.
    private static long? KeepCompleteLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            long lines = 0;
            long lastNewline = -1;
            byte[] buffer = new byte[81920];
            int read;
            long position = 0;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        lines++;
                        lastNewline = position + i;
                    }
                }

                position += read;
            }

            if (lastNewline + 1 < stream.Length)
            {
                stream.SetLength(lastNewline + 1);
            }

            return lines;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool TryGetWebUrl(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https";

    private static string PageId(string fileName)
    {
        string name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return Path.GetFileNameWithoutExtension(name);
    }
}
