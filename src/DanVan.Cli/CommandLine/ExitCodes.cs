namespace DanVan.Cli.CommandLine;

/// <summary>The exit codes of every command (documented in <c>danvan --help</c> and the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything was done.</summary>
    public const int Success = 0;

    /// <summary>The run failed (an input or the index could not be read or written, a strict run met a bad line).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: an unknown option, a value that is not a number, a missing input, an output that is an input.</summary>
    public const int Usage = 2;

    /// <summary>The run finished, but some input lines or pages were skipped (each reported on stderr).</summary>
    public const int Skipped = 3;

    /// <summary>The text that <c>danvan --help</c> shows.</summary>
    public const string Help = "Exit codes: 0 success; 1 failure; 2 usage error; 3 finished, but some input lines or pages were skipped (each reported on stderr as a JSON object {\"file\", \"line\", \"reason\"}).";
}
