namespace DanVan.Analytics.Datasets.Tables;

/// <summary>The file formats of the fact tables.</summary>
[Flags]
public enum TableFormats
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>JSON lines, UTF-8.</summary>
    Jsonl = 1,

    /// <summary>CSV (RFC 4180), UTF-8; lists joined with "; ".</summary>
    Csv = 2,

    /// <summary>Apache Parquet.</summary>
    Parquet = 4,

    /// <summary>All three.</summary>
    All = Jsonl | Csv | Parquet,
}

/// <summary>Reads a <c>--format</c> value such as "jsonl,csv,parquet".</summary>
public static class TableFormatNames
{
    /// <summary>Parses a comma-separated list of format names.</summary>
    /// <exception cref="FormatException">A name is unknown or the list is empty.</exception>
    public static TableFormats Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        TableFormats formats = TableFormats.None;
        foreach (string name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            formats |= name.ToLowerInvariant() switch
            {
                "jsonl" => TableFormats.Jsonl,
                "csv" => TableFormats.Csv,
                "parquet" => TableFormats.Parquet,
                _ => throw new FormatException($"Unknown format \"{name}\": use jsonl, csv or parquet."),
            };
        }

        return formats == TableFormats.None ? throw new FormatException("No format given.") : formats;
    }

    /// <summary>The file extensions of <paramref name="formats"/>, in a fixed order.</summary>
    public static IEnumerable<string> Extensions(TableFormats formats)
    {
        if (formats.HasFlag(TableFormats.Jsonl))
        {
            yield return "jsonl";
        }

        if (formats.HasFlag(TableFormats.Csv))
        {
            yield return "csv";
        }

        if (formats.HasFlag(TableFormats.Parquet))
        {
            yield return "parquet";
        }
    }
}
