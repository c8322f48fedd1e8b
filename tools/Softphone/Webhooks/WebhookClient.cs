using System.Net;
using System.Text;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Platform;

namespace PhoneBooking.Softphone.Webhooks;

/// <summary>
/// Makes Twilio's HTTP requests: form-encoded (POST) or query-string (GET) parameters, signed with
/// <c>X-Twilio-Signature</c>, cookies kept per call, redirects followed and re-signed, 15 s total timeout,
/// 64 kB body limit. Transport failures come back as Twilio's error codes, never as exceptions.
/// </summary>
public sealed class WebhookClient(HttpClient http, SoftphoneOptions options, TimeProvider time)
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxRedirects = 10;
    private readonly WebhookSigner _signer = new(options.AuthToken);

    public async Task<WebhookExchange> SendAsync(WebhookRequest request, CookieContainer cookies, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.WebhookTimeout);
        var (url, method) = (request.Url, request.Method);
        var signature = "";
        for (var hop = 0; ; hop++)
        {
            if (url.Scheme is not ("http" or "https"))
            {
                return Failed(TwilioErrors.Error(TwilioErrors.InvalidUrlFormat, $"'{url}' is not an absolute http(s) URL", url));
            }

            using var message = Build(url, method, request.Parameters, cookies, out signature);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Failed(TimedOut(url));
            }
            catch (HttpRequestException exception)
            {
                return Failed(Classify(exception, url));
            }

            using (response)
            {
                Remember(cookies, url, response);
                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return Failed(TwilioErrors.Error(TwilioErrors.HttpInvalidRedirect, $"HTTP {(int)response.StatusCode} without a Location header", url));
                    }

                    if (hop == MaxRedirects)
                    {
                        return Failed(TwilioErrors.Error(TwilioErrors.HttpTooManyRedirects, $"more than {MaxRedirects} redirects", url));
                    }

                    // Like a browser: 303 (and 301/302 after a POST) continue as GET; 307/308 keep the method.
                    method = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect ? method : HttpMethod.Get;
                    url = new Uri(url, location);
                    continue;
                }

                string body;
                try
                {
                    body = await ReadBodyAsync(response, timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return Failed(TimedOut(url));
                }
                catch (HttpRequestException exception)
                {
                    return Failed(Classify(exception, url));
                }
                catch (InvalidDataException)
                {
                    return Failed(TwilioErrors.Error(TwilioErrors.ResponseBodyTooLarge, $"the response body is larger than {MaxBodyBytes / 1024} kB", url));
                }

                var contentType = response.Content.Headers.ContentType?.MediaType;
                return new WebhookExchange(request.Purpose, method.Method, url, request.Parameters, signature, (int)response.StatusCode, contentType, body, time.GetElapsedTime(started), null);
            }
        }

        WebhookExchange Failed(TwilioNotification failure) =>
            new(request.Purpose, method.Method, url, request.Parameters, signature, null, null, "", time.GetElapsedTime(started), failure);
    }

    private HttpRequestMessage Build(Uri url, HttpMethod method, IReadOnlyList<KeyValuePair<string, string>> parameters, CookieContainer cookies, out string signature)
    {
        HttpRequestMessage message;
        if (method == HttpMethod.Get)
        {
            var target = WithQuery(url, parameters);
            signature = _signer.Sign(target.AbsoluteUri, []);
            message = new HttpRequestMessage(HttpMethod.Get, target);
        }
        else
        {
            signature = _signer.Sign(url.AbsoluteUri, parameters);
            message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
        }

        message.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
        message.Headers.TryAddWithoutValidation("User-Agent", "TwilioProxy/1.1");
        message.Headers.TryAddWithoutValidation("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        message.Headers.TryAddWithoutValidation("Accept", "*/*");
        var cookieHeader = cookies.GetCookieHeader(url);
        if (cookieHeader.Length > 0)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        }

        return message;
    }

    internal static Uri WithQuery(Uri url, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (parameters.Count == 0)
        {
            return url;
        }

        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var builder = new UriBuilder(url) { Query = url.Query.Length > 1 ? url.Query[1..] + "&" + query : query };
        return builder.Uri;
    }

    private static void Remember(CookieContainer cookies, Uri url, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            try
            {
                cookies.SetCookies(url, value);
            }
            catch (CookieException)
            {
                // A browser drops a malformed cookie and carries on; so does Twilio.
            }
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw new InvalidDataException();
            }
        }

        return EncodingOf(response).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static Encoding EncodingOf(HttpResponseMessage response)
    {
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        try
        {
            return charset is null ? Encoding.UTF8 : Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    private TwilioNotification TimedOut(Uri url) =>
        TwilioErrors.Error(TwilioErrors.HttpConnectionFailure, $"no response within {options.WebhookTimeout.TotalSeconds:0.#} s (Twilio waits 15 s in total)", url);

    private static TwilioNotification Classify(HttpRequestException exception, Uri url) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => TwilioErrors.Error(TwilioErrors.HttpBadHostName, $"cannot resolve host '{url.Host}'", url),
        HttpRequestError.ConnectionError => TwilioErrors.Error(TwilioErrors.HttpConnectionFailure, $"cannot connect to {url.Authority}: {exception.Message}", url),
        HttpRequestError.SecureConnectionError => TwilioErrors.Error(TwilioErrors.SslTlsHandshakeError, exception.Message, url),
        _ => TwilioErrors.Error(TwilioErrors.HttpRetrievalFailure, exception.Message, url),
    };
}
