using System.Reflection;
using System.Runtime.Loader;

namespace DanVan.Analytics.Learning.Models;

/// <summary>
/// ML.NET saves the full name of the assembly holding a custom mapping, version included, and loads it back by that
/// name; versions come from git tags, so a model saved by another build would not load. Any version of this assembly
/// is answered with this one: compatibility of the features is what <see cref="ModelMetadata.FeatureVersion"/> checks.
/// </summary>
internal static class AssemblyBinding
{
    static AssemblyBinding() => AssemblyLoadContext.Default.Resolving += Resolve;

    /// <summary>Makes sure the resolver is registered (once per process).</summary>
    public static void EnsureRegistered()
    {
        // The static constructor does the work.
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        Assembly self = typeof(AssemblyBinding).Assembly;
        return string.Equals(name.Name, self.GetName().Name, StringComparison.Ordinal) ? self : null;
    }
}
