using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PhoneBooking.Prompts;

namespace PhoneBooking.IvrHost.Voice;

public static class PromptAudioExtensions
{
    /// <summary>
    /// Serves recorded prompts (prompts/audio/{locale}/{id}.wav|mp3) where the catalog tells Twilio to
    /// fetch them, when that is a path on this host (an absolute Prompts:AudioBaseUrl is a CDN's job).
    /// </summary>
    public static IApplicationBuilder UsePromptAudio(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<PromptOptions>>().Value;
        var audio = Path.Combine(Path.GetFullPath(options.Directory, AppContext.BaseDirectory), "audio");
        if (!options.AudioBaseUrl.StartsWith('/') || !Directory.Exists(audio))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(audio),
            RequestPath = options.AudioBaseUrl.TrimEnd('/'),
            ServeUnknownFileTypes = false,
        });
    }
}
