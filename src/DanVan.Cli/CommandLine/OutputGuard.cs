using DanVan.Analytics.Articles;

namespace DanVan.Cli.CommandLine;

/// <summary>Refuses an output that would overwrite one of the command's inputs.</summary>
internal static class OutputGuard
{
    /// <summary>
    /// Whether <paramref name="output"/> may be written: it is not the same file as any of <paramref name="inputs"/>
    /// once links are resolved. When it is, the refusal is printed and the caller exits with <see cref="ExitCodes.Usage"/>.
    /// </summary>
    public static bool Allows(FileInfo? output, params FileInfo?[] inputs)
    {
        if (output is null || CliOptions.IsStandardStream(output))
        {
            return true;
        }

        foreach (FileInfo? input in inputs)
        {
            if (input is not null && !CliOptions.IsStandardStream(input) && FileIdentity.AreSame(output.FullName, input.FullName))
            {
                Console.Error.WriteLine($"error: the output {output} is the input {input}; writing it would destroy the input. Choose another --out.");
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="output"/> lies outside <paramref name="directory"/>, whose files a command owns.</summary>
    public static bool AllowsOutside(FileInfo output, DirectoryInfo directory, string what)
    {
        if (!FileIdentity.IsInside(output.FullName, directory.FullName))
        {
            return true;
        }

        Console.Error.WriteLine($"error: the output {output} lies inside {what} {directory}, whose files the command manages itself. Choose another --out.");
        return false;
    }

    /// <summary>Whether <paramref name="input"/> exists (or is standard input), said in words when not.</summary>
    public static bool InputExists(FileInfo input)
    {
        if (CliOptions.IsStandardStream(input) || input.Exists)
        {
            return true;
        }

        Console.Error.WriteLine($"error: the input file {input.FullName} does not exist.");
        return false;
    }
}
