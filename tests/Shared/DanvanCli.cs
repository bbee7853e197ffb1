using System.Diagnostics;
using System.Text;
using DanVan.Analytics.Tests;

namespace DanVan.Analytics.Testing;

/// <summary>Runs the real <c>danvan</c> CLI (built beside the tests) as a child process.</summary>
internal static class DanvanCli
{
    /// <summary>The CLI's dll in the same configuration as the tests.</summary>
    public static string Dll()
    {
        // tests/<Project>/bin/<Configuration>/net10.0/ → the same configuration of the CLI.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name;
        string dll = Path.Combine(RepositoryPaths.Root, "src", "DanVan.Cli", "bin", configuration, output.Name, "danvan.dll");
        Assert.True(File.Exists(dll), $"the danvan CLI was not built at {dll}");
        return dll;
    }

    /// <summary>Starts <c>danvan</c> with <paramref name="arguments"/>, output redirected.</summary>
    public static Process Start(params string[] arguments) => Start(redirectInput: false, arguments);

    /// <summary>Starts <c>danvan</c> with <paramref name="arguments"/>, output (and input, when asked) redirected.</summary>
    public static Process Start(bool redirectInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = redirectInput,
            StandardInputEncoding = redirectInput ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) : null,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// Starts <c>danvan</c> through <c>sh -c</c> after <paramref name="shellPrefix"/> (such as <c>ulimit -f 2048</c>), the
    /// shell replaced by the CLI (<c>exec</c>), so that a kill reaches the CLI itself.
    /// </summary>
    public static Process StartInShell(string shellPrefix, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(shellPrefix + "; exec dotnet \"$@\"");
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add(Dll());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs <c>danvan</c> to the end and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) => RunWithInputAsync(null, arguments);

    /// <summary>Runs <c>danvan</c> to the end with <paramref name="input"/> on its standard input (closed after it).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string? input, params string[] arguments)
    {
        using Process process = Start(redirectInput: input is not null, arguments);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs a system tool (mount, umount) to its end; its exit code, or -1 when it does not exist.</summary>
    public static int RunTool(string file, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using Process process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
