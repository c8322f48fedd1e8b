namespace PhoneBooking.SchedulingApi.Bench;

/// <summary>Round robin over the API instances, as a load balancer with no affinity would: each request to the next one.</summary>
internal sealed class SpreadingHandler(Uri[] instances, int connectionsPerInstance) : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = connectionsPerInstance })
{
    private int _next = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var instance = instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Length)];
        request.RequestUri = new Uri(instance, request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
