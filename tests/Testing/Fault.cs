using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace PhoneBooking.Testing;

/// <summary>One scripted answer of the <see cref="ApiStub"/> (WireMock.Net) or the raw <see cref="FaultServer"/>.</summary>
public abstract record Fault
{
    public static Fault Json(string json, int status = 200) => new JsonFault(status, json, null);

    public static Fault Status(int status, int? retryAfterSeconds = null) => new JsonFault(status, "{}", retryAfterSeconds);

    public static Fault Problem(int status, string slug, string extraJson = "") =>
        new JsonFault(status, $$"""{"type":"https://phonebooking.dev/problems/{{slug}}","title":"{{slug}}","status":{{status}}{{extraJson}}}""", null, "application/problem+json");

    /// <summary>Waits (real time) before answering; gives up when the client goes away.</summary>
    public static Fault Slow(TimeSpan delay, Fault then) => new SlowFault(delay, then);

    /// <summary>Never answers: only the client's timeout ends the attempt.</summary>
    public static Fault Hang() => new HangFault();

    /// <summary>Sends headers and part of the promised body, then aborts the connection (<see cref="FaultServer"/> only: WireMock cannot).</summary>
    public static Fault ResetMidBody() => new ResetFault();

    /// <summary>A 200 whose JSON stops halfway.</summary>
    public static Fault MalformedJson() => new JsonFault(200, """{"requestId":"br_1","status":""", null);

    /// <summary>Chooses the answer from the request itself (e.g. a body that echoes its Idempotency-Key); <see cref="FaultServer"/> only.</summary>
    public static Fault From(Func<HttpRequest, Fault> choose) => new ChosenFault(choose);

    public abstract Task RespondAsync(HttpContext context);

    /// <summary>The same answer as WireMock's response; <paramref name="stopping"/> ends a wait when the stub stops.</summary>
    internal virtual Task<IResponseMessage> AnswerAsync(CancellationToken stopping) =>
        throw new NotSupportedException($"WireMock.Net 1.25 cannot answer {GetType().Name}: script it on the raw FaultServer.");

    private sealed record ChosenFault(Func<HttpRequest, Fault> Choose) : Fault
    {
        public override Task RespondAsync(HttpContext context) => Choose(context.Request).RespondAsync(context);
    }

    private sealed record JsonFault(int StatusCode, string Body, int? RetryAfterSeconds, string ContentType = "application/json") : Fault
    {
        public override Task RespondAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCode;
            context.Response.ContentType = ContentType;
            if (RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return context.Response.WriteAsync(Body);
        }

        internal override Task<IResponseMessage> AnswerAsync(CancellationToken stopping)
        {
            var headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(ContentType) };
            if (RetryAfterSeconds is { } seconds)
            {
                headers["Retry-After"] = new(seconds.ToString(CultureInfo.InvariantCulture));
            }

            return Task.FromResult<IResponseMessage>(new ResponseMessage
            {
                StatusCode = StatusCode,
                Headers = headers,
                BodyData = new BodyData { BodyAsString = Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
            });
        }
    }

    private sealed record SlowFault(TimeSpan Delay, Fault Then) : Fault
    {
        public override async Task RespondAsync(HttpContext context)
        {
            await Task.Delay(Delay, context.RequestAborted);
            await Then.RespondAsync(context);
        }

        internal override async Task<IResponseMessage> AnswerAsync(CancellationToken stopping)
        {
            await Task.Delay(Delay, stopping);
            return await Then.AnswerAsync(stopping);
        }
    }

    private sealed record HangFault : Fault
    {
        public override Task RespondAsync(HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted);

        // WireMock does not tell a callback that the client left: wait until the stub stops.
        internal override async Task<IResponseMessage> AnswerAsync(CancellationToken stopping)
        {
            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            return new ResponseMessage { StatusCode = 504 };
        }
    }

    private sealed record ResetFault : Fault
    {
        public override async Task RespondAsync(HttpContext context)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 1000;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("""[{"id":"north-york","na"""));
            await context.Response.Body.FlushAsync();

            // Let the client read the headers first, so the abort lands while it reads the body.
            await Task.Delay(50);
            context.Abort();
        }
    }
}
