namespace DanVan.Analytics.Datasets.Tables;

/// <summary>
/// A bounded queue between one producer and one writer thread, on a plain monitor: a writer that waits blocks at once
/// (BlockingCollection's semaphore spins first, and several writers spinning cost more than they save on two cores).
/// </summary>
internal sealed class HandOff<T>(int capacity)
    where T : class
{
    private readonly Queue<T> _items = new(capacity);
    private readonly object _lock = new(); // Monitor.Wait and Pulse need a monitor, not a System.Threading.Lock.
    private bool _completed;
    private bool _failed;

    /// <summary>Queues <paramref name="item"/>, waiting while the queue is full; false when the other side failed.</summary>
    public bool TryAdd(T item)
    {
        lock (_lock)
        {
            while (_items.Count >= capacity && !_failed)
            {
                Monitor.Wait(_lock);
            }

            if (_failed)
            {
                return false;
            }

            _items.Enqueue(item);
            Monitor.PulseAll(_lock);
            return true;
        }
    }

    /// <summary>The next item, waiting for one; null once the queue is completed and empty, or failed.</summary>
    public T? Take()
    {
        lock (_lock)
        {
            while (_items.Count == 0 && !_completed && !_failed)
            {
                Monitor.Wait(_lock);
            }

            if (_failed || _items.Count == 0)
            {
                return null;
            }

            T item = _items.Dequeue();
            Monitor.PulseAll(_lock);
            return item;
        }
    }

    /// <summary>No more items will be added.</summary>
    public void Complete() => Set(ref _completed);

    /// <summary>The writer stopped: wakes and refuses the producer.</summary>
    public void Fail() => Set(ref _failed);

    private void Set(ref bool flag)
    {
        lock (_lock)
        {
            flag = true;
            Monitor.PulseAll(_lock);
        }
    }
}
