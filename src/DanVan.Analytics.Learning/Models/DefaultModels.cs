namespace DanVan.Analytics.Learning.Models;

/// <summary>
/// The models shipped in the package (<c>Models/relevance.zip</c>, <c>Models/topic.zip</c>), trained on the public labeled
/// corpus; <c>Models/README.md</c> gives the command that reproduces them.
/// </summary>
public static class DefaultModels
{
    /// <summary>Opens the shipped model file of <paramref name="kind"/>, or null when the package has none.</summary>
    public static Stream? Open(string kind) =>
        typeof(DefaultModels).Assembly.GetManifestResourceStream($"DanVan.Analytics.Learning.Models.{kind}.zip");

    /// <summary>Loads the shipped model of <paramref name="kind"/>.</summary>
    /// <exception cref="ModelFormatException">The package has no such model, or it is stale.</exception>
    public static LoadedModel Load(string kind)
    {
        using Stream stream = Open(kind) ?? throw new ModelFormatException($"The package ships no default {kind} model.");
        return ModelFile.Load(stream, kind);
    }
}
