namespace DanVan.Analytics.Learning;

/// <summary>Training data that cannot be learned from: an unreadable line, an empty text, a wrong label, one class only.</summary>
public sealed class TrainingDataException : Exception
{
    /// <summary>Creates the error.</summary>
    public TrainingDataException(string message, string? source = null, int line = 0)
        : base(source is null ? message : line > 0 ? $"{source} line {line}: {message}" : $"{source}: {message}")
    {
        DataSource = source;
        Line = line;
    }

    /// <summary>The file the problem is in, when there is one.</summary>
    public string? DataSource { get; }

    /// <summary>The 1-based line, or 0 when the problem is the whole data set.</summary>
    public int Line { get; }
}

/// <summary>A model file that cannot be used: not a model of this package, damaged, or of another kind.</summary>
public class ModelFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    public ModelFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A model made for another version of the features than this package computes.</summary>
public sealed class FeatureVersionMismatchException : ModelFormatException
{
    /// <summary>Creates the error.</summary>
    public FeatureVersionMismatchException(string modelVersion, string currentVersion)
        : base($"The model was trained on features '{modelVersion}' but this package computes '{currentVersion}'; retrain it with this version.")
    {
        ModelVersion = modelVersion;
        CurrentVersion = currentVersion;
    }

    /// <summary>The feature version the model was trained with.</summary>
    public string ModelVersion { get; }

    /// <summary>The feature version of this package.</summary>
    public string CurrentVersion { get; }
}
