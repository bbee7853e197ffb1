using System.Diagnostics;
using System.Text;
using DanVan.Analytics.Crawling.Tests;

namespace DanVan.Cli.Tests;

/// <summary>
/// The progress of <c>parse --in</c> and <c>index</c> as real processes: plain lines without cursor movements when
/// stderr is redirected (a log file), and a live display with a bar, the percentage and the remaining time on a
/// terminal (a pseudo-terminal made by util-linux <c>script</c>).
/// </summary>
public sealed class ProgressDisplayTests : IDisposable
{
    private const int Pages = 120;
    private readonly TempDirectory _dir = new();

    public ProgressDisplayTests()
    {
        string pages = Directory.CreateDirectory(_dir.File("pages")).FullName;
        foreach (string page in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Shared, "parsing-eval", "html")).Order(StringComparer.Ordinal).Take(Pages))
        {
            File.Copy(page, Path.Combine(pages, Path.GetFileName(page)));
        }
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ParseFolder_StderrRedirected_WritesPlainLinesEndingWithTheCount()
    {
        (int exitCode, string output, string error) = await DanvanCli.RunAsync("parse", "--in", _dir.File("pages"), "--out", _dir.File("a.jsonl"));

        Assert.True(exitCode is 0 or 3, error);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain('\r', error);
        Assert.DoesNotContain('\u001b', error);
        int written = File.ReadAllLines(_dir.File("a.jsonl")).Length;
        string last = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith("parsed ", StringComparison.Ordinal));
        Assert.StartsWith($"parsed {written:N0} articles (", last, StringComparison.Ordinal);
        Assert.Matches(@"\| \d\d:\d\d:\d\d$", last);
        // The first line comes early in the run, with the time left (the folder's page count is the total).
        Assert.Matches(@"^parsed \d+ articles \(\d+/s\) \| about \d\d:\d\d:\d\d left \| \d\d:\d\d:\d\d", error);
    }

    [Fact]
    public async Task ParseFolder_OnATerminal_ShowsALiveBarThatEndsAtAllPages()
    {
        string screen = await RunOnTerminalAsync("parse", "--in", _dir.File("pages"), "--out", _dir.File("b.jsonl"));

        int written = File.ReadAllLines(_dir.File("b.jsonl")).Length;
        Assert.True(written > Pages / 2, screen);
        Assert.Contains('\u001b', screen); // drawn with cursor movements and colours
        Assert.Contains($"parsed {written:N0} articles", screen, StringComparison.Ordinal);
        Assert.Contains("100%", screen, StringComparison.Ordinal);
        Assert.Matches(@"\d\d:\d\d:\d\d", screen);
    }

    [Fact]
    public async Task Index_OnATerminal_MeasuresTheInputReadAndCountsCommits()
    {
        (int parsed, _, string parseError) = await DanvanCli.RunAsync("parse", "--in", _dir.File("pages"), "--out", _dir.File("c.jsonl"));
        Assert.True(parsed is 0 or 3, parseError);
        int articles = File.ReadAllLines(_dir.File("c.jsonl")).Length;

        string screen = await RunOnTerminalAsync("index", "--in", _dir.File("c.jsonl"), "--index", _dir.File("idx"));

        Assert.Contains($"indexed {articles:N0} articles", screen, StringComparison.Ordinal);
        Assert.Contains("committed)", screen, StringComparison.Ordinal);
        Assert.Contains("100%", screen, StringComparison.Ordinal);
        Assert.Matches(@"index: \d+ articles in ", screen); // the summary after the display (duplicates are indexed once)
    }

    // Runs danvan on a pseudo-terminal (util-linux `script`, part of every Debian system) and returns what the
    // terminal received; fails when the command does not exit with 0.
    private static async Task<string> RunOnTerminalAsync(params string[] arguments)
    {
        const string script = "/usr/bin/script";
        Assert.True(File.Exists(script), "util-linux 'script' is needed to give the CLI a terminal");
        string command = string.Join(' ', new[] { "dotnet", DanvanCli.Dll() }.Concat(arguments).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo(script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string argument in (string[])["-q", "-e", "-f", "-c", command, "/dev/null"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TERM"] = "xterm-256color";
        using Process process = Process.Start(start)!;
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        string screen = await output;
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {screen}{await error}");
        return screen;
    }
}
