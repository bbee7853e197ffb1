using DanVan.Analytics.Articles;
using DanVan.Analytics.Parsing;

namespace DanVan.Cli.CommandLine;

/// <summary>
/// The command line's side of the one bad-line policy: each bad line (and each page that could not be parsed) goes
/// to stderr as one JSON object and is counted; the exit code then says that something was skipped.
/// </summary>
internal sealed class InputProblems(bool strict)
{
    private readonly object _gate = new();

    /// <summary>Lines and pages skipped so far.</summary>
    public long Skipped { get; private set; }

    /// <summary>Where the reports go (stderr unless a live progress display takes them, so they print above it).</summary>
    public ProgressDisplay? Display { get; set; }

    /// <summary>The reader options that report here.</summary>
    public JsonLinesReadOptions ReadOptions => new() { OnBadLine = Report, Strict = strict };

    /// <summary>Reports <paramref name="badLine"/>.</summary>
    public void Report(BadLine badLine) => Write(ArticleRecordJson.Serialize(badLine));

    /// <summary>Reports <paramref name="failure"/>; in a strict run it stops the run.</summary>
    /// <exception cref="BadLineException">The run is strict.</exception>
    public void Report(ArticleFailure failure)
    {
        Write(ArticleJson.Serialize(failure));
        if (strict)
        {
            throw new BadLineException(new BadLine(failure.File, failure.Line, failure.Reason));
        }
    }

    /// <summary>The exit code of a run that finished.</summary>
    public int ExitCode => Skipped > 0 ? ExitCodes.Skipped : ExitCodes.Success;

    private void Write(string json)
    {
        lock (_gate)
        {
            Skipped++;
            if (Display is { } display)
            {
                display.WriteLine(json);
            }
            else
            {
                Console.Error.WriteLine(json);
            }
        }
    }
}
