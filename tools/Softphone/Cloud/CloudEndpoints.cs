using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Cloud;

/// <summary>The REST stand-in's routes: Twilio's 2010-04-01 Calls and Messages resources.</summary>
internal static class CloudEndpoints
{
    public static void Map(IEndpointRouteBuilder app, CloudState state)
    {
        var account = app.MapGroup("/2010-04-01/Accounts/{accountSid}").AddEndpointFilter((context, next) => Authenticate(context, next, state));
        account.MapPost("/Calls.json", (HttpRequest request) => CreateCallAsync(request, state));
        account.MapGet("/Calls/{callSid}.json", (string callSid) => FetchCall(callSid, state));
        account.MapPost("/Calls/{callSid}.json", (string callSid, HttpRequest request) => UpdateCallAsync(callSid, request, state));
        account.MapPost("/Messages.json", (HttpRequest request) => MessageEndpoints.CreateAsync(request, state));
        account.MapGet("/Messages/{messageSid}.json", (string messageSid) => MessageEndpoints.Fetch(messageSid, state));
    }

    private static async Task<IResult> CreateCallAsync(HttpRequest request, CloudState state)
    {
        var form = await request.ReadFormAsync();
        var (call, error) = CreateCallForm.Read(form);
        if (error is not null)
        {
            return error;
        }

        var created = state.Outbound.Start(call!, form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        return Results.Json(Resource(created.Context, created.Created, created, state), RestResources.Json, statusCode: StatusCodes.Status201Created);
    }

    private static IResult FetchCall(string callSid, CloudState state) => Find(callSid, state) switch
    {
        ({ } context, var created, var cloud) => Results.Json(Resource(context, created, cloud, state), RestResources.Json),
        _ => NotFound(callSid, state),
    };

    /// <summary>Url or Twiml redirects a call in progress; Status=completed (or canceled) ends it.</summary>
    private static async Task<IResult> UpdateCallAsync(string callSid, HttpRequest request, CloudState state)
    {
        var form = await request.ReadFormAsync();
        var (context, created, cloud) = Find(callSid, state);
        if (context is null)
        {
            return NotFound(callSid, state);
        }

        var live = state.Engine.Calls.Find(callSid);
        var url = form["Url"].ToString();
        var twiml = form["Twiml"].ToString();
        var status = form["Status"].ToString();
        if (status is "completed" or "canceled")
        {
            live?.HangUp();
        }
        else if (url.Length > 0 || twiml.Length > 0)
        {
            if (live is null || !Redirect(live, url, twiml, form["Method"].ToString()))
            {
                return url.Length > 0 && !Uri.IsWellFormedUriString(url, UriKind.Absolute)
                    ? RestError.Result(400, 21205, $"Url is not a valid URL: {url}")
                    : RestError.Result(400, 21220, "Call is not in-progress. Cannot redirect.");
            }
        }
        else if (status.Length > 0)
        {
            return RestError.Result(400, 21218, $"Invalid value '{status}' for Status: use completed or canceled");
        }

        return Results.Json(Resource(context, created, cloud, state), RestResources.Json);
    }

    private static bool Redirect(LiveCall live, string url, string twiml, string method)
    {
        if (twiml.Length > 0)
        {
            return live.ExecuteTwiml(twiml);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Scheme is "http" or "https"
            && live.Redirect(target, string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) ? HttpMethod.Get : HttpMethod.Post);
    }

    /// <summary>Calls created here, and calls dialled into the line by the same engine (the line can redirect those too).</summary>
    private static (CallContext? Context, DateTimeOffset Created, CloudCall? Cloud) Find(string callSid, CloudState state)
    {
        if (state.Ledger.FindCall(callSid) is { } cloud)
        {
            return (cloud.Context, cloud.Created, cloud);
        }

        return state.Engine.Calls.Find(callSid) is { } live ? (live.Context, live.Created, null) : (null, default, null);
    }

    private static CallResource Resource(CallContext context, DateTimeOffset created, CloudCall? cloud, CloudState state) =>
        RestResources.Call(context, created, state.Engine.Time.GetUtcNow(), cloud?.Ended, cloud?.Duration);

    private static IResult NotFound(string sid, CloudState state) =>
        RestError.Result(404, 20404, $"The requested resource /2010-04-01/Accounts/{state.Engine.Options.AccountSid}/Calls/{sid}.json was not found");

    /// <summary>HTTP Basic with AccountSid:AuthToken, as Twilio's API requires; the account in the path must be the caller's.</summary>
    private static async ValueTask<object?> Authenticate(EndpointFilterInvocationContext context, EndpointFilterDelegate next, CloudState state)
    {
        var http = context.HttpContext;
        var options = state.Engine.Options;
        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            || !Credentials(header.Parameter).Equals($"{options.AccountSid}:{options.AuthToken}", StringComparison.Ordinal))
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
            return RestError.Result(401, 20003, "Authenticate");
        }

        if (!string.Equals(http.GetRouteValue("accountSid") as string, options.AccountSid, StringComparison.Ordinal))
        {
            return RestError.Result(404, 20404, $"The requested resource {http.Request.Path} was not found");
        }

        return await next(context);
    }

    private static string Credentials(string? parameter)
    {
        try
        {
            return parameter is null ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
