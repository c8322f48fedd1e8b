using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace PhoneBooking.Twilio.AspNetCore;

/// <summary>
/// Writes TwiML as <c>text/xml; charset=utf-8</c> from a minimal API handler
/// (Twilio.AspNet.Core: <c>TwiMLResult</c>).
/// </summary>
public sealed class TwiMLResult(string twiml) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/xml; charset=utf-8";

    public TwiMLResult(TwiML.TwiML response)
        : this(response.ToString())
    {
    }

    public string TwiML { get; } = twiml;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => MediaType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = MediaType;
        return httpContext.Response.WriteAsync(TwiML, Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/xml"]));
}
