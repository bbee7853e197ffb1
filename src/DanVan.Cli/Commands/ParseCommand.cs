using System.CommandLine;
using System.Text;
using System.Text.Json;
using DanVan.Analytics.Articles;
using DanVan.Analytics.Parsing;

namespace DanVan.Cli.Commands;

/// <summary>
/// <c>danvan parse FILE [--url URL]</c> prints one article as JSON; <c>danvan parse --in manifest.jsonl --out
/// articles.jsonl</c> parses every page of a manifest into JSONL. Failed pages go to stderr as JSON lines; the
/// exit code is the number of failed pages (at most 100), or 101 when the run itself cannot start.
/// </summary>
internal static class ParseCommand
{
    private const int MaxFailureExitCode = 100;
    private const int UsageError = 101;

    public static Command Create()
    {
        var fileArgument = new Argument<FileInfo?>("file")
        {
            Description = "An .html or .html.gz page to parse and print as JSON.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var urlOption = new Option<string?>("--url") { Description = "The page's address (resolves links, names the site)." };
        var inOption = new Option<FileInfo?>("--in") { Description = "A JSONL manifest of {\"id\", \"url\", \"path\"} lines." };
        var outOption = new Option<FileInfo?>("--out") { Description = "The JSONL file of articles to write (default: standard output)." };
        var command = new Command("parse", "Parse Vietnamese news pages into clean articles (title, lead, time, authors, body, captions).");
        command.Arguments.Add(fileArgument);
        command.Options.Add(urlOption);
        command.Options.Add(inOption);
        command.Options.Add(outOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            FileInfo? file = parseResult.GetValue(fileArgument);
            FileInfo? manifest = parseResult.GetValue(inOption);
            if ((file is null) == (manifest is null))
            {
                Console.Error.WriteLine("error: give either FILE or --in MANIFEST.");
                return Task.FromResult(UsageError);
            }

            return file is not null
                ? ParseOneAsync(file, parseResult.GetValue(urlOption), cancellationToken)
                : ParseManifestAsync(manifest!, parseResult.GetValue(outOption), cancellationToken);
        });
        return command;
    }

    private static async Task<int> ParseOneAsync(FileInfo file, string? url, CancellationToken cancellationToken)
    {
        Uri? uri = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out uri))
        {
            Console.Error.WriteLine($"error: \"{url}\" is not an absolute URL.");
            return UsageError;
        }

        try
        {
            await using FileStream stream = OpenRead(file.FullName);
            Article article = await new ArticleParser().ParseAsync(stream, uri, cancellationToken: cancellationToken);
            await Console.Out.WriteLineAsync(ArticleRecordJson.Serialize(article.ToRecord(PageId(file.Name)), indented: true));
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArticleParseException)
        {
            Console.Error.WriteLine($"error: {file.FullName}: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> ParseManifestAsync(FileInfo manifest, FileInfo? output, CancellationToken cancellationToken)
    {
        if (!manifest.Exists)
        {
            Console.Error.WriteLine($"error: the manifest {manifest.FullName} does not exist.");
            return UsageError;
        }

        string directory = manifest.DirectoryName ?? Directory.GetCurrentDirectory();
        var parser = new ArticleParser();
        int failures = 0;
        int lineNumber = 0;
        TextWriter writer = output is null
            ? Console.Out
            : new StreamWriter(output.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            using var reader = new StreamReader(manifest.FullName, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                ArticleFailure? failure = await ParseEntryAsync(parser, line, lineNumber, directory, writer, cancellationToken);
                if (failure is not null)
                {
                    failures++;
                    await Console.Error.WriteLineAsync(ArticleJson.Serialize(failure));
                }
            }
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return UsageError;
        }
        finally
        {
            if (output is not null)
            {
                await writer.DisposeAsync();
            }
            else
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        return Math.Min(failures, MaxFailureExitCode);
    }

    private static async Task<ArticleFailure?> ParseEntryAsync(ArticleParser parser, string line, int lineNumber, string directory, TextWriter writer, CancellationToken cancellationToken)
    {
        ManifestEntry entry;
        try
        {
            entry = ArticleJson.DeserializeManifestEntry(line);
        }
        catch (JsonException exception)
        {
            return new ArticleFailure(null, lineNumber, "BadManifestLine", "The line is not a JSON object {\"id\", \"url\", \"path\"}: " + exception.Message);
        }

        if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Path))
        {
            return new ArticleFailure(entry.Id, lineNumber, "BadManifestLine", "The line needs an \"id\" and a \"path\".");
        }

        Uri? url = null;
        if (entry.Url is not null && !Uri.TryCreate(entry.Url, UriKind.Absolute, out url))
        {
            return new ArticleFailure(entry.Id, lineNumber, "BadManifestLine", $"\"{entry.Url}\" is not an absolute URL.");
        }

        string path = entry.ResolvePath(directory);
        try
        {
            await using FileStream stream = OpenRead(path);
            Article article = await parser.ParseAsync(stream, url, cancellationToken: cancellationToken);
            await writer.WriteLineAsync(ArticleRecordJson.Serialize(article.ToRecord(entry.Id)));
            return null;
        }
        catch (ArticleParseException exception)
        {
            return new ArticleFailure(entry.Id, lineNumber, exception.Kind.ToString(), exception.Message);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ArticleFailure(entry.Id, lineNumber, "FileNotFound", $"{path} does not exist.");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ArticleFailure(entry.Id, lineNumber, "Unreadable", $"{path}: {exception.Message}");
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);

    private static string PageId(string fileName)
    {
        string name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        return Path.GetFileNameWithoutExtension(name);
    }
}
