namespace PhoneBooking.SchedulingApi.Security;

/// <summary>Which client created a booking request or group visit. Stored with it, in the same transaction.</summary>
public interface IResourceOwnerStore
{
    Task RecordAsync(string resourceId, string client, CancellationToken cancellationToken);

    /// <summary>The owner; null for a resource made before clients existed (or none at all).</summary>
    Task<string?> OwnerAsync(string resourceId, CancellationToken cancellationToken);
}

/// <summary>
/// A client sees only what it created: another client's request, offer or group visit is a 404,
/// exactly like an id that does not exist (so ids leak nothing, and a leaked id is not enough to
/// read a confirmation code or decline someone's offers). Resources older than ownership have no
/// owner and stay readable by any client with the scope, as before.
/// </summary>
internal sealed class ResourceOwners(IResourceOwnerStore store)
{
    public Task RecordAsync(string resourceId, ApiClient client, CancellationToken cancellationToken) =>
        store.RecordAsync(resourceId, client.Name, cancellationToken);

    public async Task<bool> MayUseAsync(string resourceId, ApiClient client, CancellationToken cancellationToken) =>
        await store.OwnerAsync(resourceId, cancellationToken) is not { } owner || owner == client.Name;
}
