using System.Globalization;
using DanVan.Analytics.Pipeline;
using Spectre.Console;

namespace DanVan.Cli.CommandLine;

/// <summary>
/// The progress of a long command, on stderr: on a terminal a live Spectre.Console task (a bar and the remaining time
/// when the total is known, counts and rate, a spinner); when stderr is redirected a plain line every 5 s with the
/// same counts and the remaining time, so a log file gets no cursor movements.
/// </summary>
internal sealed class ProgressDisplay
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often a command feeds the display (the live one redraws at this pace; the plain lines stay 5 s apart).</summary>
    public static TimeSpan UpdateInterval { get; } = TimeSpan.FromMilliseconds(250);

    private readonly IAnsiConsole? _console;
    private readonly ProgressTask? _task;
    private TimeSpan? _lastLine;

    private ProgressDisplay(IAnsiConsole? console, ProgressTask? task)
    {
        _console = console;
        _task = task;
    }

    /// <summary>Runs <paramref name="work"/> with a display titled <paramref name="title"/>; live on a terminal.</summary>
    public static Task<T> RunAsync<T>(string title, Func<ProgressDisplay, Task<T>> work) =>
        Console.IsErrorRedirected
            ? work(new ProgressDisplay(null, null))
            : RunLiveAsync(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }), title, work);

    /// <summary>Runs <paramref name="work"/> with a live display on <paramref name="console"/>.</summary>
    internal static Task<T> RunLiveAsync<T>(IAnsiConsole console, string title, Func<ProgressDisplay, Task<T>> work) =>
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), autoStart: true, maxValue: 1);
                task.IsIndeterminate = true;
                return work(new ProgressDisplay(console, task));
            });

    /// <summary>
    /// Shows the state at <paramref name="elapsed"/>: <paramref name="done"/> units of <paramref name="total"/> (when known),
    /// described by <paramref name="text"/> (counts and rate). A final state always shows and completes the task.
    /// </summary>
    public void Show(string text, double done, double? total, TimeSpan elapsed, bool final)
    {
        if (_task is not null)
        {
            _task.Description = Markup.Escape(text);
            if (total is > 0)
            {
                _task.IsIndeterminate = false;
                _task.MaxValue = Math.Max(total.Value, done);
                _task.Value = done;
            }

            if (final)
            {
                _task.IsIndeterminate = false;
                _task.Value = _task.MaxValue;
                _task.StopTask();
            }

            return;
        }

        if (final || _lastLine is not { } last || elapsed - last >= LineInterval)
        {
            _lastLine = elapsed;
            string remaining = !final && total is > 0 && done > 0 && done < total
                ? $" | about {FormatDuration(elapsed * ((total.Value - done) / done))} left"
                : "";
            Console.Error.WriteLine($"{text}{remaining} | {FormatDuration(elapsed)}");
        }
    }

    /// <summary>Writes a message line above the live display (or on stderr when there is none).</summary>
    public void WriteLine(string message)
    {
        if (_console is not null)
        {
            _console.MarkupLine(Markup.Escape(message));
        }
        else
        {
            Console.Error.WriteLine(message);
        }
    }

    /// <summary>"00:01:05", or "1.02:03:04" past a day.</summary>
    public static string FormatDuration(TimeSpan duration) =>
        duration.ToString(duration.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}

/// <summary>Shows a pipeline's progress on a <see cref="ProgressDisplay"/>: articles of the expected total, and the rate.</summary>
internal sealed class PipelineProgress(ProgressDisplay display, string verb, Func<ArticlePipelineProgress, (double Done, double? Total)>? position = null)
    : IProgress<ArticlePipelineProgress>
{
    /// <summary>Extra counts written after the rate (e.g. commits), read at each report.</summary>
    public Func<string>? Details { get; init; }

    /// <summary>When true, the pipeline's final report does not end the display (the caller calls <see cref="Finish"/>).</summary>
    public bool FinishesItself { get; init; }

    public void Report(ArticlePipelineProgress value)
    {
        if (!value.IsFinal || !FinishesItself)
        {
            Show(value, value.IsFinal);
        }
    }

    /// <summary>Shows the final state.</summary>
    public void Finish(ArticlePipelineSummary summary) => Show(new ArticlePipelineProgress(summary.Articles, summary.Elapsed, IsFinal: true), final: true);

    private void Show(ArticlePipelineProgress value, bool final)
    {
        (double done, double? total) = position?.Invoke(value) ?? (value.Articles, null);
        string details = Details is null ? "" : ", " + Details();
        display.Show($"{verb} {value.Articles:N0} articles ({value.ArticlesPerSecond:N0}/s{details})", done, total, value.Elapsed, final);
    }
}
