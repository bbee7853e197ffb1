using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using DanVan.Analytics.Articles;

namespace DanVan.Cli.CommandLine;

/// <summary>Options that several commands share, with help placeholders and messages in words.</summary>
internal static class CliOptions
{
    /// <summary>An input or output file; <c>-</c> means standard input or output where the description says so.</summary>
    public static Option<FileInfo> File(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required, HelpName = "FILE" };

    /// <summary>A directory.</summary>
    public static Option<DirectoryInfo> Directory(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required, HelpName = "DIR" };

    /// <summary>The <c>--strict</c> switch of the commands that read JSON Lines.</summary>
    public static Option<bool> Strict() =>
        new("--strict") { Description = "Stop at the first bad input line (exit code 1) instead of reporting it and going on." };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, refused in words otherwise.</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int min = 0, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N", DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result => (int)Parse(result, name, min, max, defaultValue);
        return option;
    }

    /// <summary>An optional whole number from <paramref name="min"/> up, refused in words otherwise.</summary>
    public static Option<long?> OptionalWholeNumber(string name, string description, long min = 0)
    {
        var option = new Option<long?>(name) { Description = description, HelpName = "N" };
        option.CustomParser = result => result.Tokens.Count == 0 ? null : Parse(result, name, min, long.MaxValue, 0);
        return option;
    }

    /// <summary>One of the names of <typeparamref name="TEnum"/>, in any case.</summary>
    public static Option<TEnum> OneOf<TEnum>(string name, string description, TEnum defaultValue)
        where TEnum : struct, Enum
    {
        string names = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        var option = new Option<TEnum>(name) { Description = description, HelpName = string.Join('|', Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant())), DefaultValueFactory = _ => defaultValue };
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return defaultValue;
            }

            string text = result.Tokens[^1].Value;
            if (Enum.TryParse(text, ignoreCase: true, out TEnum value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text.TrimStart('-')[0]))
            {
                return value;
            }

            result.AddError($"{name} takes one of {names}, not '{text}'.");
            return defaultValue;
        };
        return option;
    }

    /// <summary>Whether <paramref name="file"/> is <c>-</c> (standard input or output).</summary>
    public static bool IsStandardStream(FileInfo? file) => file is not null && file.ToString() == JsonLines.StandardStream;

    /// <summary>The path to hand to the library: <c>-</c> as given, otherwise the full path.</summary>
    public static string PathOf(FileInfo file) => IsStandardStream(file) ? JsonLines.StandardStream : file.FullName;

    private static long Parse(ArgumentResult result, string name, long min, long max, long defaultValue)
    {
        if (result.Tokens.Count == 0)
        {
            return defaultValue;
        }

        string text = result.Tokens[^1].Value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
        {
            return value;
        }

        string range = max == int.MaxValue || max == long.MaxValue ? $"{min} or more" : $"from {min} to {max}";
        result.AddError($"{name} takes a whole number, {range}; '{text}' is not one.");
        return defaultValue;
    }
}
