namespace PhoneBooking.SchedulingClient.Contracts;

/// <summary><c>GET /health/ready</c>: 200 is ready, 503 is "running but its database does not answer".</summary>
public sealed record ApiReadiness(bool IsReady);
