using DanVan.Analytics.Pipeline;

namespace DanVan.Cli.CommandLine;

/// <summary>
/// A progress line on stderr: rewritten in place on a terminal, a new line every 5 s when stderr is redirected
/// (a log file gets no <c>\r</c> updates).
/// </summary>
internal sealed class StatusLine
{
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private TimeSpan? _lastLine;

    /// <summary>Shows <paramref name="line"/>, the state at <paramref name="elapsed"/>; a final line always shows and ends the line.</summary>
    public void Show(string line, TimeSpan elapsed, bool final)
    {
        if (_terminal)
        {
            Console.Error.Write("\r" + line.PadRight(100) + (final ? Environment.NewLine : ""));
        }
        else if (final || _lastLine is not { } last || elapsed - last >= TimeSpan.FromSeconds(5))
        {
            _lastLine = elapsed;
            Console.Error.WriteLine(line);
        }
    }
}

/// <summary>Shows a pipeline's progress on a <see cref="StatusLine"/>.</summary>
internal sealed class PipelineProgressLine(string verb) : IProgress<ArticlePipelineProgress>
{
    private readonly StatusLine _line = new();

    public void Report(ArticlePipelineProgress value) =>
        _line.Show($"{verb} {value.Articles:N0} articles ({value.ArticlesPerSecond:N0}/s) | {value.Elapsed:hh\\:mm\\:ss}", value.Elapsed, value.IsFinal);
}
