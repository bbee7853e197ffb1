using System.Diagnostics.Tracing;
using System.Globalization;

namespace DanVan.Benchmarks;

/// <summary>
/// The runtime's allocation samples (one event about every 100 KB allocated, with the type of the object that crossed
/// the mark), summed by type, small and large object heap apart: where a run's allocations come from, in process.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = [];
    private readonly Lock _lock = new();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
        {
            return;
        }

        int kindIndex = eventData.PayloadNames!.IndexOf("AllocationKind");
        int typeIndex = eventData.PayloadNames.IndexOf("TypeName");
        int amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        string heap = Convert.ToInt32(eventData.Payload[kindIndex], CultureInfo.InvariantCulture) switch { 1 => "LOH ", 2 => "POH ", _ => "" };
        string key = heap + (typeIndex >= 0 ? eventData.Payload[typeIndex] as string : "?");
        long amount = amountIndex >= 0 ? Convert.ToInt64(eventData.Payload[amountIndex], CultureInfo.InvariantCulture) : 100_000;
        lock (_lock)
        {
            _bytes[key] = _bytes.GetValueOrDefault(key) + amount;
        }
    }

    /// <summary>The <paramref name="top"/> types by sampled bytes, per article.</summary>
    public void Print(int articles, int top = 25)
    {
        lock (_lock)
        {
            foreach ((string type, long bytes) in _bytes.OrderByDescending(p => p.Value).Take(top))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes / (double)articles / 1024,8:F1} KB an article  {type}"));
            }
        }
    }
}
