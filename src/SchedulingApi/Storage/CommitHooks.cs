namespace PhoneBooking.SchedulingApi.Storage;

/// <summary>What a unit of work runs around its commit: work that must join the transaction last, and effects that must wait for it.</summary>
internal sealed class CommitHooks
{
    private readonly List<(string Key, object Buffer, Func<CancellationToken, Task> Flush)> _before = [];
    private List<Action>? _after;

    /// <summary>This transaction's buffer under <paramref name="key"/>; <paramref name="flush"/> writes it just before the commit.</summary>
    public List<T> Buffer<T>(string key, Func<IReadOnlyList<T>, CancellationToken, Task> flush)
    {
        if (_before.Find(b => b.Key == key).Buffer is List<T> existing)
        {
            return existing;
        }

        var buffer = new List<T>();
        _before.Add((key, buffer, cancellationToken => flush(buffer, cancellationToken)));
        return buffer;
    }

    public void After(Action action) => (_after ??= []).Add(action);

    public async Task RunBeforeAsync(CancellationToken cancellationToken)
    {
        foreach (var (_, _, flush) in _before)
        {
            await flush(cancellationToken);
        }

        _before.Clear();
    }

    /// <summary>After a commit: runs the effects, once.</summary>
    public void RunAfter()
    {
        var actions = _after;
        _after = null;
        actions?.ForEach(action => action());
    }

    /// <summary>After a rollback: nothing happened, so nothing runs.</summary>
    public void Clear()
    {
        _before.Clear();
        _after = null;
    }
}
