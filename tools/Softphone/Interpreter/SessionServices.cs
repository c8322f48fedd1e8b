using Microsoft.Extensions.Logging;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Queues;
using PhoneBooking.Softphone.Webhooks;

namespace PhoneBooking.Softphone.Interpreter;

/// <summary>What every call of an engine shares.</summary>
internal sealed record SessionServices(
    SoftphoneOptions Options,
    WebhookClient Webhooks,
    DocumentLoader Loader,
    CallQueues Queues,
    SoftphoneMetrics Metrics,
    ILogger Logger);
