using System.Diagnostics;
using System.Text;

namespace DanVan.Packaging.Tests.Fixtures;

/// <summary>What a finished child process said.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string Output, string Error)
{
    /// <summary>Everything a failed assertion should show.</summary>
    public override string ToString() =>
        $"{Command} exited with {ExitCode}\n--- stdout ---\n{Tail(Output)}\n--- stderr ---\n{Tail(Error)}";

    private static string Tail(string text) => text.Length <= 6000 ? text : "…" + text[^6000..];
}

/// <summary>
/// Runs <c>dotnet</c> (or an installed tool) as a user would in a shell: a real child process, its own working
/// directory, and none of the MSBuild variables the test host inherits from <c>dotnet test</c>.
/// </summary>
internal static class DotnetProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(20);

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it.</summary>
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host runs under dotnet test, whose MSBuild settings would steer a nested build.
        foreach (string name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        string command = $"{Path.GetFileName(fileName)} {string.Join(' ', info.ArgumentList)} (in {workingDirectory})";
        return new ProcessResult(command, process.HasExited ? process.ExitCode : -1, output.Result, error.Result);
    }

    /// <summary>Runs the <c>dotnet</c> command that runs these tests.</summary>
    public static ProcessResult Dotnet(IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null) =>
        Run(DotnetHost, arguments, workingDirectory, environment);

    /// <summary>The <c>dotnet</c> host: the one running this process when it is <c>dotnet</c>, else the one on the PATH.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
