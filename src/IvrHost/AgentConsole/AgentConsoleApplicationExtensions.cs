namespace PhoneBooking.IvrHost.AgentConsole;

public static class AgentConsoleApplicationExtensions
{
    /// <summary>
    /// Sign-in, the console's pages and routes under <c>/console</c>, the headers its pages are served
    /// with, and — for the console only — the scheme and address a trusted TLS proxy reports.
    /// </summary>
    public static WebApplication UseAgentConsole(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(AgentConsoleServiceCollectionExtensions.PathBase), console =>
        {
            console.UseTrustedProxies();
            console.Use(SecureHeaders);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapAgentConsoleEndpoints();
        return app;
    }

    /// <summary>Pages show personal data: never cached, never framed, no script or style from elsewhere, no referrer.</summary>
    private static Task SecureHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return next(context);
    }
}
