using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace DanVan.Analytics.Search.Tests.Fixtures;

/// <summary>A real <c>danvan index</c> child process and what it wrote to stderr.</summary>
internal sealed class RunningIndexer : IDisposable
{
    private readonly System.Text.StringBuilder _error = new();

    private RunningIndexer(Process process, string index)
    {
        Process = process;
        Index = index;
    }

    public Process Process { get; }

    public string Index { get; }

    /// <summary>Its stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Starts <c>danvan index --in input --index index --commit-every n</c>, optionally through <c>sh -c</c> with a shell prefix (a <c>ulimit</c>).</summary>
    public static RunningIndexer Start(string input, string index, int commitEvery, string? shellPrefix = null)
    {
        string[] arguments = ["index", "--in", input, "--index", index, "--commit-every", commitEvery.ToString(CultureInfo.InvariantCulture)];
        Process process = shellPrefix is null ? DanvanCli.Start(arguments) : DanvanCli.StartInShell(shellPrefix, arguments);
        var running = new RunningIndexer(process, index);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (running._error)
            {
                running._error.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return running;
    }

    /// <summary>Polls the index until a commit with at least <paramref name="atLeast"/> articles is visible; returns its count, or 0 when the process exited first or a minute passed.</summary>
    public async Task<int> WaitForCommitAsync(int atLeast = 1)
    {
        var clock = Stopwatch.StartNew();
        while (!Process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (System.IO.Directory.Exists(Index) && System.IO.Directory.EnumerateFiles(Index, "segments_*").Any())
            {
                try
                {
                    using var directory = FSDirectory.Open(Index);
                    using DirectoryReader reader = DirectoryReader.Open(directory);
                    if (reader.NumDocs >= atLeast)
                    {
                        return reader.NumDocs;
                    }
                }
                catch (IOException)
                {
                    // The writer replaced the commit while we opened it; look again.
                }
            }

            await Task.Delay(20);
        }

        return 0;
    }

    /// <summary>Waits for the end (at most two minutes) and returns the exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Process.WaitForExitAsync(timeout.Token);
        Process.WaitForExit(); // drains the asynchronous stderr reader
        return Process.ExitCode;
    }

    /// <summary>SIGKILL on Unix: no chance to finish a commit or release anything.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
