using Microsoft.Extensions.Options;

namespace PhoneBooking.ServiceDefaults;

internal sealed class OtlpOptionsValidator : IValidateOptions<OtlpOptions>
{
    public ValidateOptionsResult Validate(string? name, OtlpOptions options)
    {
        var failures = new List<string>();
        if (options.Endpoint is { } endpoint
            && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"Otlp:Endpoint '{endpoint}' must be an absolute http(s) URL such as http://127.0.0.1:4317.");
        }

        if (options.Protocol is not (OtlpOptions.Grpc or OtlpOptions.HttpProtobuf))
        {
            failures.Add($"Otlp:Protocol '{options.Protocol}' must be '{OtlpOptions.Grpc}' or '{OtlpOptions.HttpProtobuf}'.");
        }

        if (options.ServiceName is { } serviceName && string.IsNullOrWhiteSpace(serviceName))
        {
            failures.Add($"Otlp:ServiceName '{serviceName}' must not be blank.");
        }

        if (options.MetricExportInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Otlp:MetricExportInterval '{options.MetricExportInterval}' must be at least 00:00:01.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
