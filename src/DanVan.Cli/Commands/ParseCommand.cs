using System.CommandLine;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Parsing;
using DanVan.Analytics.Pipeline;
using DanVan.Cli.CommandLine;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan parse FILE [--url URL] [--out FILE]</c> parses one page (indented JSON on standard output, or one JSON
/// line into <c>--out</c>); <c>danvan parse --in manifest.jsonl --out articles.jsonl</c> parses every page of a
/// manifest into JSON lines through the library's pipeline (pages confined to the manifest's folder unless
/// <c>--allow-outside</c>; files that are not HTML by their content refused per page). Bad manifest lines and pages that could not be parsed
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
        var inOption = CliOptions.File("--in", "A manifest of {\"id\", \"url\", \"path\"} JSON lines (paths relative to the manifest's folder); - for standard input.");
        var outOption = CliOptions.File("--out", "Where the articles go as JSON lines; - or absent: standard output.");
        var strictOption = CliOptions.Strict();
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
        command.SetAction((parseResult, cancellationToken) =>
        {
            FileInfo? file = parseResult.GetValue(fileArgument);
            FileInfo? manifest = parseResult.GetValue(inOption);
            FileInfo? output = parseResult.GetValue(outOption);
            if ((file is null) == (manifest is null))
            {
                Console.Error.WriteLine("error: give either FILE or --in MANIFEST.");
                return Task.FromResult(ExitCodes.Usage);
            }

            if (!OutputGuard.Allows(output, file, manifest))
            {
                return Task.FromResult(ExitCodes.Usage);
            }

            return file is not null
                ? ParseOneAsync(file, parseResult.GetValue(urlOption), output, cancellationToken)
                : ParseManifestAsync(manifest!, output, parseResult.GetValue(strictOption), parseResult.GetValue(allowOutsideOption), cancellationToken);
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

            ArticleRecord record = article.ToRecord(PageId(file.Name));
            if (output is null)
            {
                await Console.Out.WriteLineAsync(ArticleRecordJson.Serialize(record, indented: true));
            }
            else
            {
                await using ArticleRecordWriter writer = ArticleRecordWriter.Create(CliOptions.PathOf(output));
                await writer.WriteAsync(record, cancellationToken);
            }

            return ExitCodes.Success;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArticleParseException)
        {
            Console.Error.WriteLine($"error: {file}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> ParseManifestAsync(FileInfo manifest, FileInfo? output, bool strict, bool allowOutside, CancellationToken cancellationToken)
    {
        if (!OutputGuard.InputExists(manifest))
        {
            return ExitCodes.Usage;
        }

        var problems = new InputProblems(strict);
        try
        {
            await using ArticleRecordWriter writer = ArticleRecordWriter.Create(output is null ? JsonLines.StandardStream : CliOptions.PathOf(output));
            var source = new ManifestSourceOptions
            {
                Lines = problems.ReadOptions,
                OnFailure = problems.Report,
                AllowOutside = allowOutside,
                ProtectedPath = output is null || CliOptions.IsStandardStream(output) ? null : output.FullName,
            };
            IAsyncEnumerable<ArticleRecord> records = ManifestArticleSource.ReadAsync(CliOptions.PathOf(manifest), source, cancellationToken);
            var pipeline = new ArticlePipeline(new ArticlePipelineOptions { ExtractFacts = false });
            await pipeline.RunAsync(records, [new ArticleRecordSink(writer)], output is null ? null : new PipelineProgressLine("parsed"), cancellationToken);
            return problems.ExitCode;
        }
        catch (BadLineException)
        {
            return ExitCodes.Failure;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string PageId(string fileName)
    {
        string name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return Path.GetFileNameWithoutExtension(name);
    }
}
