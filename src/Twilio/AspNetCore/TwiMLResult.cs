using System.Reflection;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace PhoneBooking.Twilio.AspNetCore;

/// <summary>
/// Writes the SDK's TwiML as <c>text/xml; charset=utf-8</c> from a minimal API handler
/// (Twilio.AspNet.Core: <c>TwiMLResult</c>). Unindented: Twilio reads whitespace between SSML
/// elements inside &lt;Say&gt; as part of what is spoken.
/// </summary>
public sealed class TwiMLResult(string twiml) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/xml; charset=utf-8";

    public TwiMLResult(global::Twilio.TwiML.TwiML response)
        : this(Render(response))
    {
    }

    public string TwiML { get; } = twiml;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => MediaType;

    /// <summary>The document as Twilio receives it (the SDK's default indents).</summary>
    public static string Render(global::Twilio.TwiML.TwiML response) => response.ToString(SaveOptions.DisableFormatting);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = MediaType;
        return httpContext.Response.WriteAsync(TwiML, Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/xml"]));
}
